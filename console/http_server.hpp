#pragma once
// The listening socket and its connections (HTTP/1.1, or HTTPS when a certificate is
// configured): each connection reads requests with size limits and timeouts, hands them to
// HttpApi, and turns an authorised upgrade on /api into a WebSocket that is a ClientSink of the
// Hub. Every object lives on the one loop.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <memory>
#include <optional>
#include <string>

#include "console/config.hpp"
#include "console/http_api.hpp"
#include "console/hub.hpp"
#include "console/metrics.hpp"
#include "core/util/result.hpp"

namespace r3::console {

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& io, const ConsoleConfig& config, HttpApi& api, Hub& hub,
             Metrics& metrics);
  // Binds and listens; error: why not (port in use, unreadable certificate, ...).
  Result<bool, std::string> start();
  void stop();
  [[nodiscard]] unsigned short port() const { return port_; }

 private:
  void accept();

  boost::asio::io_context& io_;
  const ConsoleConfig& config_;
  HttpApi& api_;
  Hub& hub_;
  Metrics& metrics_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::optional<boost::asio::ssl::context> tls_;
  unsigned short port_ = 0;
};

}  // namespace r3::console
