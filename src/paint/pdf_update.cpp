#include "paint/pdf_update.hpp"

// qpdf 11 asks which PointerHolder transition level the code is written for: none (it uses
// std::shared_ptr).
#define POINTERHOLDER_TRANSITION 4
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <set>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/mapped_file.hpp"
#include "paint/content_artifacts.hpp"
#include "paint/painter.hpp"
#include "paint/pdf_compact.hpp"
#include "paint/pdf_scan.hpp"

namespace folio {
namespace {

// qpdf makes its default logger on first use, from whichever worker thread
// first opens a PDF; made here, when the module is loaded (once, under
// pdf_finish.cpp's std::call_once), no two threads race to make it
// (ThreadSanitizer reported the shared_ptr's first use at -j 8).
const bool kQpdfLoggerReady = (QPDFLogger::defaultLogger(), true);

using Handle = QPDFObjectHandle;

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The XMP packet: Dublin Core, dates, PDF/UA-1 identification and, for PDF/A,
// its identification and the extension schema PDF/A asks for pdfuaid.
std::string xmp_packet(const PdfInfo& info, const std::string& date, const std::string& producer,
                       bool tagged) {
  std::string dc;
  if (!info.title.empty())
    dc += fmt::format(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n",
        xml_escape(info.title));
  if (!info.author.empty())
    dc += fmt::format("<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
                      xml_escape(info.author));
  if (!info.subject.empty())
    dc += fmt::format(
        "<dc:description><rdf:Alt><rdf:li "
        "xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
        xml_escape(info.subject));
  if (!info.language.empty())
    dc += fmt::format("<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
                      xml_escape(info.language));
  std::string pdf;
  if (!info.keywords.empty())
    pdf += fmt::format("<pdf:Keywords>{}</pdf:Keywords>\n", xml_escape(info.keywords));
  if (!producer.empty())
    pdf += fmt::format("<pdf:Producer>{}</pdf:Producer>\n", xml_escape(producer));
  std::string pdfa;
  std::string extension;
  if (is_pdfa(info.standard)) {
    const char* conformance = info.standard == PdfStandard::a2a   ? "A"
                              : info.standard == PdfStandard::a2u ? "U"
                                                                  : "B";
    pdfa = fmt::format(
        "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>{}</pdfaid:conformance>\n", conformance);
    extension =
        R"(<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
)";
  }
  return fmt::format(
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
      "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" "
      "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "{}<xmp:CreateDate>{}</xmp:CreateDate>\n<xmp:ModifyDate>{}</xmp:ModifyDate>\n"
      "<xmp:MetadataDate>{}</xmp:MetadataDate>\n<xmp:CreatorTool>{}</xmp:CreatorTool>\n"
      "{}{}{}"
      "</rdf:Description>\n{}</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
      dc, date, date, date, xml_escape(info.creator), pdf,
      tagged ? "<pdfuaid:part>1</pdfuaid:part>\n" : "", pdfa, tagged ? extension : "");
}

// An sRGB profile from Debian's icc-profiles-free or colord-data.
std::string srgb_profile() {
  for (const char* path : {"/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc",
                           "/usr/share/color/icc/ghostscript/srgb.icc"}) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() > 128) return data;
  }
  return {};
}

// The number of colour components of a JPEG file (from its first frame header), or 0.
int jpeg_components(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.size() < 4 || static_cast<unsigned char>(head[0]) != 0xFF ||
      static_cast<unsigned char>(head[1]) != 0xD8)
    return 0;
  size_t i = 2;
  while (i + 9 < head.size()) {
    if (static_cast<unsigned char>(head[i]) != 0xFF) return 0;
    unsigned marker = static_cast<unsigned char>(head[i + 1]);
    size_t length =
        (static_cast<unsigned char>(head[i + 2]) << 8) | static_cast<unsigned char>(head[i + 3]);
    bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return static_cast<unsigned char>(head[i + 9]);
    i += 2 + length;
  }
  return 0;
}

// The catalog's /PageLabels, so that a viewer shows "iv" or "7" as the pages
// print them: a range starts where the numbering's kind changes or restarts.
// Empty when every page is numbered 1, 2, 3, ...
std::string page_labels(const std::vector<Page>& pages) {
  bool plain = true;
  for (size_t i = 0; i < pages.size(); ++i)
    if (pages[i].numbering != PageNumbering::arabic || pages[i].number != static_cast<int>(i + 1))
      plain = false;
  if (plain) return "";
  std::string nums;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    bool continues =
        i > 0 && page.numbering == pages[i - 1].numbering &&
        (page.numbering == PageNumbering::none || page.number == pages[i - 1].number + 1);
    if (continues) continue;
    if (page.numbering == PageNumbering::none) {
      nums += fmt::format(" {} << >>", i);
    } else {
      nums += fmt::format(" {} << /S /{} /St {} >>", i,
                          page.numbering == PageNumbering::roman ? "r" : "D", page.number);
    }
  }
  return fmt::format("<< /Nums [{} ] >>", nums);
}

// `dict` ("<< ... >>") with ` entries` added before its end.
std::string with_entries(std::string dict, const std::string& entries) {
  size_t end = dict.rfind(">>");
  if (end != std::string::npos) dict.insert(end, entries + " ");
  return dict;
}

// An incremental update (ISO 32000-1, 7.5.6) appended to cairo's file: its
// objects stay where they are, changed ones are written again after them,
// and a new xref section and trailer point at the new versions. Far cheaper
// than rewriting the file. Objects go to the file as they are finished, so a
// long table's thousands of rewritten pages are never held together.
class UpdateWriter {
 public:
  UpdateWriter(const std::string& path, const RawScan& original)
      : offset_(original.size), id_(original.id) {
    if (out_.append_to(path)) put("\n");
  }

  // `body` is the object's text ("<< ... >>"), without "N G obj".
  void object(int number, int generation, std::string_view body) {
    begin(number, generation);
    put(body);
    put("\nendobj\n");
  }

  // `dict` is the stream's dictionary, /Length included.
  void stream(int number, int generation, std::string_view dict, std::string_view data) {
    begin(number, generation);
    put(dict);
    put("\nstream\n");
    put(data);
    put("\nendstream\nendobj\n");
  }

  // Writes the xref section and the trailer, and closes the file. Empty, or why not.
  std::string finish(Handle trailer, long long previous) {
    int size = std::max(trailer.getKey("/Size").getIntValueAsInt(), size_);
    size_t xref = offset_;
    std::string table = "xref\n";
    for (auto it = offsets_.begin(); it != offsets_.end();) {
      auto run_end = it;
      int count = 0;
      while (run_end != offsets_.end() && run_end->first == it->first + count) ++run_end, ++count;
      table += fmt::format("{} {}\n", it->first, count);
      for (; it != run_end; ++it) table += fmt::format("{:010d} 00000 n \n", it->second);
    }
    put(table);
    std::string id = id_.hex();
    std::string info;
    if (trailer.hasKey("/Info")) info = " /Info " + trailer.getKey("/Info").unparse();
    put(fmt::format("trailer\n<< /Size {} /Root {}{} /Prev {} /ID [<{}> <{}>] >>\n", size,
                    trailer.getKey("/Root").unparse(), info, previous, id, id));
    put(fmt::format("startxref\n{}\n%%EOF\n", xref));
    // A CheckedFile, not an ofstream: a full disk is reported with its reason.
    out_.finish();
    if (!out_.ok()) return "cannot append to the PDF: " + out_.error();
    return {};
  }

 private:
  void begin(int number, int generation) {
    offsets_[number] = offset_;
    size_ = std::max(size_, number + 1);
    put(fmt::format("{} {} obj\n", number, generation));
  }
  void put(std::string_view bytes) {
    out_.write(bytes);
    id_.add(bytes);
    offset_ += bytes.size();
  }

  CheckedFile out_;
  size_t offset_;                  // in the file, of the next byte written
  FileId id_;                      // of the file so far: the trailer's /ID
  std::map<int, size_t> offsets_;  // object number -> offset
  int size_ = 0;                   // one past the highest object number written
};

// The text of the object at `offset` of `file` ("<< ... >>" before its
// "endobj"), or empty when it is not a plain dictionary.
std::string_view object_text(std::string_view file, size_t offset) {
  size_t end = file.find("endobj", offset);
  if (end == std::string_view::npos) return {};
  std::string_view text = file.substr(offset, end - offset);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (!text.starts_with("<<") || !text.ends_with(">>") || text.find("stream") != text.npos)
    return {};
  return text;
}

class Finisher {
 public:
  Finisher(QPDF& pdf, const FinishRequest& request, const RawScan& scan, const MappedFile& file,
           UpdateWriter& update)
      : pdf_(pdf), request_(request), scan_(scan), file_(file), update_(update) {}

  // An empty string, or what stops the file from meeting its standard.
  std::string run() {
    auto pages = QPDFPageDocumentHelper(pdf_).getAllPages();
    const auto& ours = *request_.pages;
    if (pages.size() != ours.size()) return "the PDF has a different number of pages";
    for (size_t i = 0; i < pages.size(); ++i) set_boxes(pages[i].getObjectHandle(), ours[i]);
    const PdfInfo& info = *request_.info;
    bool tagged = request_.structure != nullptr;
    if (!tagged && !is_pdfa(info.standard)) return {};
    Handle root = pdf_.getRoot();
    touch(root);
    if (!info.language.empty()) root.replaceKey("/Lang", Handle::newUnicodeString(info.language));
    if (tagged) root.replaceKey("/MarkInfo", Handle::parse("<< /Marked true >>"));
    root.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle true >>"));
    if (auto labels = page_labels(ours); !labels.empty())
      root.replaceKey("/PageLabels", Handle::parse(labels));
    std::string producer;
    Handle trailer_info = pdf_.getTrailer().getKey("/Info");
    if (trailer_info.isDictionary() && trailer_info.getKey("/Producer").isString())
      producer = trailer_info.getKey("/Producer").getUTF8Value();
    // New objects are numbered past cairo's and written by the update itself:
    // asking qpdf for a new object makes it resolve every object in the file.
    if (root.hasKey("/Metadata")) root.removeKey("/Metadata");
    int metadata = add_object("<< /Type /Metadata /Subtype /XML >>",
                              xmp_packet(info, request_.date, producer, tagged));
    extra_keys_[root.getObjGen()] += fmt::format(" /Metadata {} 0 R", metadata);
    if (tagged)
      if (!add_attributes_by_number())
        if (std::string e = add_attributes(root.getKey("/StructTreeRoot")); !e.empty()) return e;
    std::set<QPDFObjGen> fonts_done;
    bool fonts_fixed = fix_fonts_by_number();
    for (size_t i = 0; i < pages.size(); ++i) {
      Handle dict = pages[i].getObjectHandle();
      if (tagged) {
        mark_artifacts(dict);
        if (i % 64 == 63) file_.release();
        if (dict.getKey("/Annots").isArray()) {
          dict.replaceKey("/Tabs", Handle::newName("/S"));
          touch(dict);
        }
      }
      if (!fonts_fixed) fix_fonts(dict.getKey("/Resources"), fonts_done);
      Handle annots = dict.getKey("/Annots");
      if (annots.isArray())
        for (auto& annot : annots.getArrayAsVector())
          if (annot.isDictionary() && !annot.hasKey("/F")) {
            annot.replaceKey("/F", Handle::newInteger(4));  // printed: PDF/A asks for the flag
            touch(annot);
          }
    }
    if (is_pdfa(info.standard)) return make_pdfa(root, pages);
    return {};
  }

 private:
  void set_boxes(Handle dict, const Page& page) {
    // PDF boxes are in points from the sheet's bottom-left corner.
    double o = media_outset(page);
    if (o <= 0) return;  // no bleed or marks: the TrimBox is the MediaBox by default
    double w = page.size.width, h = page.size.height, b = page.bleed;
    touch(dict);
    dict.replaceKey("/TrimBox", Handle::newFromRectangle({o, o, o + w, o + h}));
    dict.replaceKey("/BleedBox", Handle::newFromRectangle({o - b, o - b, o + w + b, o + h + b}));
  }

  // The fast way: cairo numbers its structure elements in the order it makes
  // them, which is the order of our records. The raw file lists each with its
  // /S; when the roles read in object order match the records one for one,
  // only the elements that need attributes are parsed. False: the walk must do.
  bool add_attributes_by_number() {
    const auto& elements = scan_.elements;
    const auto& records = *request_.records;
    const Structure& st = *request_.structure;
    if (elements.size() != records.size()) return false;
    for (size_t i = 0; i < records.size(); ++i) {
      const TagRecord& r = records[i];
      std::string_view want = r.span ? "Span" : role_name(st[r.element].role);
      if (elements[i].name() != want) return false;
    }
    size_t written = 0;
    for (size_t i = 0; i < records.size(); ++i) {
      const TagRecord& r = records[i];
      const StructElement& e = st[r.element];
      const ElementText& t = st.text(r.element);
      if (r.span) continue;
      std::string entries = attribute_entries(e, t);
      if (entries.empty()) continue;
      // Written again from cairo's text with the entries added, without
      // parsing: a long table has a row header per row, each needing /Scope,
      // and qpdf's objects for them were most of this pass's memory.
      std::string_view text = object_text(file_.bytes(), elements[i].offset);
      if (e.role != Role::Link && !text.empty()) {
        update_.object(elements[i].number, 0, with_entries(std::string(text), entries));
        if (++written % 4096 == 0) file_.release();
        continue;
      }
      Handle element = pdf_.getObjectByID(elements[i].number, 0);
      if (!element.isDictionary()) return false;
      apply(element, e, t);
    }
    return true;
  }

  // CID fonts found by their text, without walking every page's resources.
  bool fix_fonts_by_number() {
    for (const auto& font : scan_.cid_fonts) {
      Handle d = pdf_.getObjectByID(font.number, 0);
      if (!d.isDictionary()) return false;
      if (!d.hasKey("/CIDToGIDMap")) {
        d.replaceKey("/CIDToGIDMap", Handle::newName("/Identity"));
        touch(d);
      }
    }
    return true;
  }

  // Cairo's elements in pre-order are its tag_begin calls in order: beside the
  // records, each gets what cairo cannot write.
  std::string add_attributes(Handle tree_root) {
    if (!tree_root.isDictionary()) return "cairo wrote no structure tree";
    const auto& records = *request_.records;
    const Structure& st = *request_.structure;
    size_t next = 0;
    std::string error;
    auto visit = [&](auto& self, Handle element) -> void {
      if (element.isArray()) {
        for (int i = 0; i < element.getArrayNItems(); ++i) self(self, element.getArrayItem(i));
        return;
      }
      if (!error.empty() || !element.isDictionary() || !element.getKey("/S").isName()) return;
      if (next >= records.size()) {
        error = "the structure tree has more elements than were tagged";
        return;
      }
      const TagRecord& r = records[next++];
      const StructElement& e = st[r.element];
      std::string want = r.span ? "/Span" : "/" + std::string(role_name(e.role));
      if (element.getKey("/S").getName() != want) {
        error = fmt::format("structure element {} is {} where {} was tagged", next,
                            element.getKey("/S").getName(), want);
        return;
      }
      if (!r.span) apply(element, e, st.text(r.element));
      self(self, element.getKey("/K"));
    };
    visit(visit, tree_root.getKey("/K"));
    if (error.empty() && next != records.size())
      error = fmt::format("cairo wrote {} structure elements of {} tagged", next, records.size());
    return error.empty() ? "" : "the tagged structure does not match: " + error;
  }

  // What an element gets that cairo cannot write, as dictionary entries
  // (" /Lang (cy) /A << ... >>"); empty when it needs nothing.
  static std::string attribute_entries(const StructElement& e, const ElementText& t) {
    std::string entries;
    auto add = [&](std::string_view key, Handle value) {
      entries += fmt::format(" {} {}", key, value.unparse());
    };
    if (!t.language.empty()) add("/Lang", Handle::newUnicodeString(t.language));
    if (!t.actual_text.empty()) add("/ActualText", Handle::newUnicodeString(t.actual_text));
    if (e.role == Role::Note && !t.id.empty()) add("/ID", Handle::newString(t.id));
    if (e.role == Role::Figure)
      add("/Alt", Handle::newUnicodeString(t.alt.empty() ? "Image" : t.alt));
    if (e.role == Role::Link && !t.alt.empty()) add("/Alt", Handle::newUnicodeString(t.alt));
    if (e.scope != Scope::none)
      entries += e.scope == Scope::column ? " /A << /O /Table /Scope /Column >>"
                                          : " /A << /O /Table /Scope /Row >>";
    return entries;
  }

  // Adds the attributes to `element` through qpdf; a link's annotation also
  // gets its description.
  void apply(Handle element, const StructElement& e, const ElementText& t) {
    std::string entries = attribute_entries(e, t);
    if (entries.empty()) return;
    touch(element);
    for (auto& [key, value] : Handle::parse("<<" + entries + " >>").ditems())
      element.replaceKey(key, value);
    if (e.role == Role::Link && !t.alt.empty()) {
      // The annotation's description, for PDF/UA's "Link annotations have Contents".
      Handle kids = element.getKey("/K");
      std::vector<Handle> list;
      if (kids.isArray()) {
        list = kids.getArrayAsVector();
      } else {
        list.push_back(kids);
      }
      for (auto& kid : list) {
        if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
          Handle annot = kid.getKey("/Obj");
          if (annot.isDictionary()) {
            touch(annot);
            annot.replaceKey("/Contents", Handle::newUnicodeString(t.alt));
            annot.replaceKey("/F", Handle::newInteger(4));  // printed (PDF/A asks for the flag)
          }
        }
      }
    }
  }

  void mark_artifacts(Handle page) {
    Handle contents = page.getKey("/Contents");
    if (!contents.isStream()) return;  // cairo writes one stream per page
    auto content = contents.getStreamData(qpdf_dl_generalized);
    std::string_view text(reinterpret_cast<const char*>(content->getBuffer()), content->getSize());
    // Written at once: every page's content, held until the update is
    // written, would be most of what a long table's finishing pass holds.
    std::string data = deflate_bytes(wrap_unmarked_content(text));
    Handle dict = contents.getDict().shallowCopy();
    dict.replaceKey("/Filter", Handle::newName("/FlateDecode"));
    if (dict.hasKey("/DecodeParms")) dict.removeKey("/DecodeParms");
    dict.replaceKey("/Length", Handle::newInteger(static_cast<long long>(data.size())));
    QPDFObjGen og = contents.getObjGen();
    update_.stream(og.getObj(), og.getGen(), dict.unparseResolved(), data);
  }

  // Cairo leaves /CIDToGIDMap out; PDF/UA (and PDF/A) want it written.
  void fix_fonts(Handle resources, std::set<QPDFObjGen>& done) {
    if (!resources.isDictionary()) return;
    Handle fonts = resources.getKey("/Font");
    if (fonts.isDictionary()) {
      for (auto& [name, font] : fonts.ditems()) {
        if (!font.isDictionary() || !done.insert(font.getObjGen()).second) continue;
        Handle descendants = font.getKey("/DescendantFonts");
        if (!descendants.isArray()) continue;
        for (auto& d : descendants.getArrayAsVector())
          if (d.isDictionary() && d.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
              !d.hasKey("/CIDToGIDMap")) {
            d.replaceKey("/CIDToGIDMap", Handle::newName("/Identity"));
            touch(d);
          }
      }
    }
    Handle xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary())
      for (auto& [name, x] : xobjects.ditems())
        if (x.isStream() && done.insert(x.getObjGen()).second)
          fix_fonts(x.getDict().getKey("/Resources"), done);
  }

  std::string make_pdfa(Handle root, std::vector<QPDFPageObjectHelper>& pages) {
    std::vector<std::string> cmyk;
    if (request_.images)
      for (const std::string& image : *request_.images)
        if (jpeg_components(image) == 4) cmyk.push_back(image);
    if (!cmyk.empty())
      return fmt::format(
          "PDF/A-2 with an sRGB output intent cannot hold the CMYK JPEG `{}`; "
          "convert it to RGB, or leave out --pdf-standard",
          cmyk.front());
    std::string profile = srgb_profile();
    if (profile.empty())
      return "PDF/A needs an sRGB ICC profile; install Debian's icc-profiles-free";
    int icc = add_object("<< /N 3 >>", std::move(profile));
    if (root.hasKey("/OutputIntents")) root.removeKey("/OutputIntents");
    extra_keys_[root.getObjGen()] += fmt::format(
        " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier "
        "(sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile {} 0 R >>]",
        icc);
    // PDF/A forbids /Interpolate true on images.
    std::set<QPDFObjGen> done;
    std::function<void(Handle)> images = [&](Handle resources) {
      if (!resources.isDictionary()) return;
      Handle xobjects = resources.getKey("/XObject");
      if (!xobjects.isDictionary()) return;
      for (auto& [name, x] : xobjects.ditems()) {
        if (!x.isStream() || !done.insert(x.getObjGen()).second) continue;
        Handle dict = x.getDict();
        if (dict.hasKey("/Interpolate")) {
          dict.removeKey("/Interpolate");
          touch(x);
        }
        if (dict.hasKey("/SMask")) {
          Handle mask = dict.getKey("/SMask");
          if (mask.isStream() && mask.getDict().hasKey("/Interpolate")) {
            mask.getDict().removeKey("/Interpolate");
            touch(mask);
          }
        }
        images(dict.getKey("/Resources"));
      }
    };
    for (auto& page : pages) images(page.getObjectHandle().getKey("/Resources"));
    return {};
  }

  void touch(Handle h) {
    if (h.isIndirect()) touched_.push_back(h);
  }

  // A new stream object: its dictionary (without /Length) and data.
  int add_object(std::string dict, std::string data) {
    if (next_object_ == 0) next_object_ = pdf_.getTrailer().getKey("/Size").getIntValueAsInt();
    new_objects_.push_back({next_object_, std::move(dict), std::move(data)});
    return next_object_++;
  }
  int next_object_ = 0;

  QPDF& pdf_;
  const FinishRequest& request_;
  const RawScan& scan_;
  const MappedFile& file_;  // the file cairo wrote
  UpdateWriter& update_;

 public:
  // What changed through qpdf, written at the end: objects to write again
  // (in the order first touched).
  std::vector<Handle> touched_;
  // Entries to add to a dictionary when it is written (references to new objects).
  std::map<QPDFObjGen, std::string> extra_keys_;
  struct NewObject {
    int number;
    std::string dict;
    std::string data;
  };
  std::vector<NewObject> new_objects_;
};

// Writes what changed through qpdf, and the new objects, then ends the update.
std::string end_update(UpdateWriter& update, const RawScan& original, QPDF& pdf,
                       const Finisher& changes) {
  std::set<QPDFObjGen> written;
  for (Handle h : changes.touched_) {
    QPDFObjGen og = h.getObjGen();
    if (!written.insert(og).second) continue;
    if (h.isStream()) {
      Handle dict = h.getDict().shallowCopy();
      auto raw = h.getRawStreamData();
      std::string_view data(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
      dict.replaceKey("/Length", Handle::newInteger(static_cast<long long>(data.size())));
      update.stream(og.getObj(), og.getGen(), dict.unparseResolved(), data);
    } else {
      auto extra = changes.extra_keys_.find(og);
      update.object(og.getObj(), og.getGen(),
                    extra == changes.extra_keys_.end()
                        ? h.unparseResolved()
                        : with_entries(h.unparseResolved(), extra->second));
    }
  }
  for (const auto& object : changes.new_objects_)
    update.stream(object.number, 0,
                  with_entries(object.dict, fmt::format(" /Length {}", object.data.size())),
                  object.data);
  return update.finish(pdf.getTrailer(), original.startxref);
}

// Cairo 1.16 lists an object it never writes in the xref of an untagged page
// with links; qpdf rebuilds the table when it rewrites the file.
std::string repair(const std::string& path) {
  std::string rewritten = path + ".repaired";
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // it would warn about the missing object on stderr
    pdf.processFile(path.c_str());
    // To memory, then through a CheckedFile: QPDFWriter does not check the
    // fclose of a file it writes, so a full disk would go unseen.
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setNewlineBeforeEndstream(true);  // as cairo writes them, and as PDF/A asks
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    CheckedFile out;
    if (out.create(rewritten) &&
        out.write({reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()}))
      out.finish();
    if (!out.ok()) throw std::runtime_error(out.error());
  } catch (const std::exception& e) {
    std::remove(rewritten.c_str());
    return std::string("cannot repair cairo's PDF: ") + e.what();
  }
  if (std::rename(rewritten.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(rewritten.c_str());
    return "cannot replace cairo's PDF with its repaired version: " + reason;
  }
  return {};
}

// Appends to cairo's file what it cannot write, as an incremental update.
// Everything it holds (the scan, qpdf's objects, the mapping) is gone when it
// returns, before the file is compacted.
std::string update_pdf(const std::string& path, const FinishRequest& request) {
  auto scan = scan_file(path);
  MappedFile file(path);
  if (!scan || file.bytes().size() != scan->size) return "cannot read the PDF cairo wrote";
  try {
    QPDF pdf;
    pdf.processMemoryFile(path.c_str(), file.bytes().data(), file.bytes().size());
    if (scan->startxref < 0) return "cairo's PDF has no startxref";
    UpdateWriter update(path, *scan);
    Finisher finisher(pdf, request, *scan, file, update);
    if (std::string error = finisher.run(); !error.empty()) return error;
    return end_update(update, *scan, pdf, finisher);
  } catch (const std::exception& e) {
    return std::string("cannot finish the PDF: ") + e.what();
  }
}

}  // namespace
}  // namespace folio

extern "C" const folio::PdfUpdater folio_pdf_updater = {
    folio::kPdfUpdaterVersion, sizeof(folio::FinishRequest), &folio::repair, &folio::update_pdf};
