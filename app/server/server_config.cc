#include "server/server_config.h"

#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <map>

namespace erflow::server {
namespace {

using Poco::Util::AbstractConfiguration;

// One key: how to read it into the config, and its allowed range for numbers.
struct Key {
  std::function<void(const AbstractConfiguration&, const std::string&, ServerConfig*)> read;
};

int64_t ReadInt(const AbstractConfiguration& c, const std::string& key, int64_t def, int64_t min,
                int64_t max) {
  const int64_t v = c.getInt64(key, def);
  if (v < min || v > max)
    throw Poco::RangeException(key + " must be between " + std::to_string(min) + " and " +
                               std::to_string(max) + ", got " + std::to_string(v));
  return v;
}

template <typename T>
Key Int(T ServerConfig::*field, int64_t min, int64_t max) {
  return Key{[=](const AbstractConfiguration& c, const std::string& k, ServerConfig* out) {
    out->*field = static_cast<T>(ReadInt(c, k, out->*field, min, max));
  }};
}

Key Bool(bool ServerConfig::*field) {
  return Key{[=](const AbstractConfiguration& c, const std::string& k, ServerConfig* out) {
    out->*field = c.getBool(k, out->*field);
  }};
}

Key Text(std::string ServerConfig::*field) {
  return Key{[=](const AbstractConfiguration& c, const std::string& k, ServerConfig* out) {
    out->*field = c.getString(k, out->*field);
    if ((out->*field).empty()) throw Poco::InvalidArgumentException(k + " must not be empty");
  }};
}

// A setting that is empty unless given; when given it must not be.
Key OptionalText(std::string ServerConfig::*field) {
  return Key{[=](const AbstractConfiguration& c, const std::string& k, ServerConfig* out) {
    if (!c.has(k)) return;
    out->*field = c.getString(k);
    if ((out->*field).empty()) throw Poco::InvalidArgumentException(k + " must not be empty");
  }};
}

const std::map<std::string, Key>& Keys() {
  static const auto* keys = new std::map<std::string, Key>{
      {"server.port", Int(&ServerConfig::port, 0, 65535)},
      {"server.bind", Text(&ServerConfig::bind)},
      {"server.threads", Int(&ServerConfig::threads, 1, 4096)},
      {"server.queue", Int(&ServerConfig::queue, 1, 65536)},
      {"server.keep_alive", Bool(&ServerConfig::keep_alive)},
      {"server.keep_alive_timeout_ms", Int(&ServerConfig::keep_alive_timeout_ms, 1, 600000)},
      {"server.max_keep_alive_requests", Int(&ServerConfig::max_keep_alive_requests, 1, 1 << 30)},
      {"server.request_timeout_ms", Int(&ServerConfig::request_timeout_ms, 100, 3600000)},
      {"server.max_body_bytes", Int(&ServerConfig::max_body_bytes, 1, int64_t{1} << 32)},
      {"server.max_upload_bytes", Int(&ServerConfig::max_upload_bytes, 1, int64_t{1} << 34)},
      {"server.web_root", Text(&ServerConfig::web_root)},
      {"server.access_log", Text(&ServerConfig::access_log)},
      {"session.ttl_seconds", Int(&ServerConfig::session_ttl_seconds, 60, 366 * 86400)},
      {"session.cookie_secure", Bool(&ServerConfig::cookie_secure)},
      {"session.cache_ms", Int(&ServerConfig::session_cache_ms, 0, 60000)},
      {"sweeper.enabled", Bool(&ServerConfig::sweeper_enabled)},
      {"sweeper.interval_ms", Int(&ServerConfig::sweeper_interval_ms, 10, 86400000)},
      {"sweeper.batch", Int(&ServerConfig::sweeper_batch, 1, 1000000)},
      {"sweeper.anchor_interval_s", Int(&ServerConfig::sweeper_anchor_interval_s, 0, 86400 * 31)},
      {"calendar.folder", Text(&ServerConfig::calendar_folder)},
      {"records.ca_file", OptionalText(&ServerConfig::records_ca_file)},
  };
  return *keys;
}

}  // namespace

Result<ServerConfig> ServerConfig::From(const AbstractConfiguration& config,
                                        const std::string& data_dir) {
  ServerConfig out;
  out.web_root = data_dir + "/web";
  out.calendar_folder = data_dir + "/calendars";
  for (const char* section : {"server", "session", "sweeper", "calendar", "records"}) {
    AbstractConfiguration::Keys names;
    config.keys(section, names);
    for (const auto& n : names) {
      std::string key = std::string(section) + "." + n;
      if (!Keys().count(key))
        return Status::InvalidArgument("unknown configuration key \"" + key +
                                       "\" (see app/server/erflow-server.properties)");
    }
  }
  for (const auto& [key, k] : Keys()) {
    try {
      k.read(config, key, &out);
    } catch (const Poco::Exception& e) {
      std::string why = e.message().empty() ? e.displayText() : e.message();
      return Status::InvalidArgument("configuration " + key + ": " + why);
    }
  }
  return out;
}

}  // namespace erflow::server
