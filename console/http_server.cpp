#include "console/http_server.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>

#include "daemon/app/log.hpp"

namespace r3::console {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr auto kRequestTimeout = std::chrono::seconds(30);

// One browser's WebSocket: reads request frames into the hub, writes the hub's batches.
template <typename Stream>
class WsSession : public ClientSink, public std::enable_shared_from_this<WsSession<Stream>> {
 public:
  WsSession(Stream&& stream, Hub& hub, Metrics& metrics, Role role)
      : ws_(std::move(stream)), hub_(hub), metrics_(metrics), role_(role) {}

  void run(Request req) {
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(kMaxRequestBytes);
    ws_.async_accept(req, [self = this->shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->id_ = self->hub_.add_client(self->role_, self->weak_from_this());
      self->read();
    });
  }

  [[nodiscard]] bool busy() const override { return writing_ || closing_; }

  void send(std::string message) override {
    if (closing_) return;
    writing_ = true;
    out_ = std::move(message);
    ws_.text(true);
    ws_.async_write(asio::buffer(out_),
                    [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                      self->writing_ = false;
                      if (ec) self->gone();
                    });
  }

  void close(std::string reason) override {
    if (closing_) return;
    closing_ = true;
    app::log_warning("console: closing a browser connection: " + reason);
    // The close handshake goes after any write in flight (Beast allows one of each at a time).
    ws_.async_close(websocket::close_reason(websocket::close_code::try_again_later, reason),
                    [self = this->shared_from_this()](beast::error_code) {});
  }

 private:
  void read() {
    ws_.async_read(in_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->gone();
      if (!self->ws_.got_text()) {
        ++self->metrics_.ws_bad_frames;
        self->hub_.on_client_text(self->id_, "binary frame", std::chrono::steady_clock::now());
      } else {
        const auto data = self->in_.cdata();
        self->hub_.on_client_text(
            self->id_, std::string_view(static_cast<const char*>(data.data()), data.size()),
            std::chrono::steady_clock::now());
      }
      self->in_.consume(self->in_.size());
      self->read();
    });
  }
  void gone() {
    if (id_ != 0) hub_.remove_client(id_);
    id_ = 0;
  }

  websocket::stream<Stream> ws_;
  Hub& hub_;
  Metrics& metrics_;
  Role role_;
  std::uint64_t id_ = 0;
  beast::flat_buffer in_;
  std::string out_;
  bool writing_ = false;
  bool closing_ = false;
};

template <typename Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, HttpApi& api, Hub& hub, Metrics& metrics, HttpContext ctx,
              std::size_t max_clients)
      : stream_(std::move(stream)),
        api_(api),
        hub_(hub),
        metrics_(metrics),
        ctx_(std::move(ctx)),
        max_clients_(max_clients) {}

  void run() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(kRequestTimeout);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (ec) {
                                  ++self->metrics_.tls_handshake_failures;
                                  return;
                                }
                                self->read();
                              });
    } else {
      read();
    }
  }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(8 * 1024);
    parser_->body_limit(kMaxBodyBytes);
    beast::get_lowest_layer(stream_).expires_after(kRequestTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                       self->on_read(ec);
                     });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::ssl::error::stream_truncated) {
      return shut();
    }
    if (ec) {  // malformed, too large: say so, then close
      ++metrics_.http_bad_requests;
      Response res{ec == http::error::body_limit ? http::status::payload_too_large
                                                 : http::status::bad_request,
                   11};
      res.set(http::field::content_type, "application/json");
      res.body() = std::string(R"({"ok":false,"error":{"code":"bad_request","message":")") +
                   (ec == http::error::body_limit ? "request body larger than 16 KiB"
                                                  : "malformed HTTP request") +
                   "\"}}";
      res.keep_alive(false);
      res.prepare_payload();
      return write(std::move(res));
    }
    auto req = parser_->release();
    if (websocket::is_upgrade(req)) return upgrade(std::move(req));
    write(api_.handle(req, ctx_));
  }

  void upgrade(Request req) {
    const std::string_view target(req.target().data(), req.target().size());
    auto login = target == "/api" ? api_.websocket_login(req) : std::nullopt;
    if (!login) {
      ++metrics_.ws_refused;
      Response res{target == "/api" ? http::status::unauthorized : http::status::not_found,
                   req.version()};
      res.set(http::field::content_type, "application/json");
      res.body() =
          R"j({"ok":false,"error":{"code":"unauthorized","message":"log in first (WebSocket at /api)"}})j";
      res.keep_alive(false);
      res.prepare_payload();
      return write(std::move(res));
    }
    if (hub_.clients() >= max_clients_) {
      ++metrics_.ws_refused;
      Response res{http::status::service_unavailable, req.version()};
      res.body() =
          R"({"ok":false,"error":{"code":"unavailable","message":"too many browsers connected"}})";
      res.keep_alive(false);
      res.prepare_payload();
      return write(std::move(res));
    }
    std::make_shared<WsSession<Stream>>(std::move(stream_), hub_, metrics_, login->role)
        ->run(std::move(req));
  }

  void write(Response res) {
    response_ = std::make_shared<Response>(std::move(res));
    beast::get_lowest_layer(stream_).expires_after(kRequestTimeout);
    http::async_write(stream_, *response_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec || !self->response_->keep_alive()) return self->shut();
                        self->read();
                      });
  }

  void shut() {
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_send, ec);
  }

 private:
  Stream stream_;
  HttpApi& api_;
  Hub& hub_;
  Metrics& metrics_;
  HttpContext ctx_;
  std::size_t max_clients_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Response> response_;
};

}  // namespace

HttpServer::HttpServer(asio::io_context& io, const ConsoleConfig& config, HttpApi& api, Hub& hub,
                       Metrics& metrics)
    : io_(io), config_(config), api_(api), hub_(hub), metrics_(metrics), acceptor_(io) {}

Result<bool, std::string> HttpServer::start() {
  beast::error_code ec;
  if (config_.https()) {
    tls_.emplace(asio::ssl::context::tls_server);
    tls_->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1);
    tls_->use_certificate_chain_file(config_.tls_cert_file, ec);
    if (ec)
      return Err{"cannot use the certificate '" + config_.tls_cert_file + "': " + ec.message()};
    tls_->use_private_key_file(config_.tls_key_file, asio::ssl::context::pem, ec);
    if (ec) return Err{"cannot use the key '" + config_.tls_key_file + "': " + ec.message()};
  }
  const auto address = asio::ip::make_address(config_.listen, ec);
  if (ec) return Err{"listen address '" + config_.listen + "' is not an IP address"};
  const tcp::endpoint ep(address, static_cast<unsigned short>(config_.port));
  acceptor_.open(ep.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(ep, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Err{"cannot listen on " + config_.listen + ":" + std::to_string(config_.port) + ": " +
               ec.message()};
  port_ = acceptor_.local_endpoint().port();
  accept();
  return true;
}

void HttpServer::stop() {
  beast::error_code ec;
  acceptor_.close(ec);
}

void HttpServer::accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      beast::error_code ep_ec;
      HttpContext ctx{socket.remote_endpoint(ep_ec).address().to_string(), config_.https()};
      beast::tcp_stream tcp(std::move(socket));
      const auto max = static_cast<std::size_t>(config_.max_clients);
      if (tls_) {
        std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(tcp), *tls_), api_, hub_,
                                                 metrics_, ctx, max)
            ->run();
      } else {
        std::make_shared<HttpSession<PlainStream>>(std::move(tcp), api_, hub_, metrics_, ctx, max)
            ->run();
      }
    }
    accept();
  });
}

}  // namespace r3::console
