// Finding signature dictionaries in a PDF's raw bytes, for verification.
//
// Why raw bytes rather than a PDF parser: verification must say what is wrong with a
// damaged or tampered file, and a parser either refuses such a file or repairs it
// silently. A signature dictionary is always a plain (uncompressed) object because its
// /Contents must sit literally in the file at the ByteRange hole, so scanning for
// /ByteRange and reading the surrounding object finds every one.
// Thread rules: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace erflow::pdf {

struct RawSignature {
  bool byte_range_ok = false;  // four integers were read
  std::array<int64_t, 4> byte_range{{0, 0, 0, 0}};
  size_t contents_begin = std::string::npos;  // offset of the '<' of /Contents
  size_t contents_end = std::string::npos;    // offset just past its '>'
  std::string contents;                       // the decoded bytes (CMS DER + zero padding)
  // Text entries, decoded to UTF-8 (PDF text strings may be UTF-16BE).
  std::string name, reason, location, contact_info, m, sub_filter;
  std::string field_name;  // /T of the field whose /V is this dictionary, if found
};

std::vector<RawSignature> ScanSignatures(const std::string& pdf);

// Whether bytes [0, end) of `pdf` form a complete revision: they end with "%%EOF" and
// an optional end-of-line.
bool EndsRevision(const std::string& pdf, size_t end);

}  // namespace erflow::pdf
