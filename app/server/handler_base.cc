#include "server/handler_base.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <chrono>

#include "server/access_log.h"
#include "server/api_error.h"

namespace erflow::server {
namespace {

// After refusing a body without reading it: stop sending, then read and drop what the
// client still sends for a moment, so that closing does not reset the connection before
// the client has read the refusal (a close with unread input sends RST, and the client's
// kernel may then discard the answer). Bounded in time and bytes.
void LingeringClose(Poco::Net::HTTPServerRequest& request) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!impl) return;
  try {
    Poco::Net::StreamSocket& socket = impl->socket();
    socket.shutdownSend();
    char buf[16384];
    int64_t drained = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (drained < (int64_t{64} << 20) && std::chrono::steady_clock::now() < until) {
      if (!socket.poll(Poco::Timespan(0, 200000), Poco::Net::Socket::SELECT_READ)) continue;
      int n = socket.receiveBytes(buf, sizeof buf);
      if (n <= 0) break;
      drained += n;
    }
  } catch (const Poco::Exception&) {
    // The client went away: nothing left to protect.
  }
}

}  // namespace

void HandlerBase::handleRequest(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  std::string user;
  ApiReply reply;
  try {
    reply = Respond(request, &user);
  } catch (const ApiError& e) {
    reply = ApiReply::FromJson(e.http_status(), e.Body());
  } catch (const std::exception& e) {
    LogServerMessage(std::string("internal error: ") + e.what());
    reply = ApiReply::FromJson(
        500, ApiError(500, "internal", "internal error; the server log has the details").Body());
  }

  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  for (const auto& [name, value] : reply.headers) response.add(name, value);
  // A body left unread (refused before reading: 401, 403, 413, unknown path) cannot be
  // skipped reliably, so the connection ends with this answer.
  const bool unread_body =
      !body_read_ && (request.getContentLength64() > 0 || request.getChunkedTransferEncoding());
  const bool close = reply.close || unread_body;
  if (close || (ctx_.queued_connections && ctx_.queued_connections() > 0))
    response.setKeepAlive(false);
  const bool has_body = reply.status != 304 && request.getMethod() != "HEAD";
  if (!reply.body.empty() || reply.status != 304) response.setContentType(reply.content_type);
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  try {
    // Flushed here, not when Poco destroys the response: LingeringClose must come after
    // the answer is on the wire.
    std::ostream& out = response.send();
    if (has_body) out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    out.flush();
  } catch (const Poco::Exception&) {
    // The client disconnected; the access log still records the request.
  }
  if (close) LingeringClose(request);

  AccessRecord rec;
  rec.remote = request.clientAddress().toString();
  rec.user = user;
  rec.method = request.getMethod();
  rec.target = request.getURI();
  rec.status = reply.status;
  rec.bytes = has_body ? static_cast<int64_t>(reply.body.size()) : 0;
  rec.millis =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (ctx_.access_log) ctx_.access_log->Write(rec);
}

ApiReply ErrorHandler::Respond(Poco::Net::HTTPServerRequest&, std::string*) {
  ApiError e(status_, code_, message_);
  ApiReply r = ApiReply::FromJson(status_, e.Body());
  if (!allow_.empty()) r.headers.emplace_back("Allow", allow_);
  return r;
}

}  // namespace erflow::server
