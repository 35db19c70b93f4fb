#include "paint/pdf_finish.hpp"

// qpdf 11 asks which PointerHolder transition level the code is written for: none (it uses
// std::shared_ptr).
#define POINTERHOLDER_TRANSITION 4
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>

#include "paint/content_artifacts.hpp"
#include "paint/painter.hpp"

#ifdef FOLIO_WITHOUT_QPDF
// The fuzz build (clang 14 cannot compile qpdf 11's headers against libstdc++ 12)
// skips the pass: it changes no drawing.
namespace folio {
std::string finish_pdf(const std::string&, const FinishRequest&) {
  return {};
}
}  // namespace folio
#else
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace folio {
namespace {

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

bool is_pdfa(PdfStandard s) {
  return s != PdfStandard::ua1;
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

class Finisher {
 public:
  Finisher(QPDF& pdf, const FinishRequest& request) : pdf_(pdf), request_(request) {}

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
    if (!info.language.empty()) root.replaceKey("/Lang", Handle::newUnicodeString(info.language));
    if (tagged) root.replaceKey("/MarkInfo", Handle::parse("<< /Marked true >>"));
    root.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle true >>"));
    std::string producer;
    Handle trailer_info = pdf_.getTrailer().getKey("/Info");
    if (trailer_info.isDictionary() && trailer_info.getKey("/Producer").isString())
      producer = trailer_info.getKey("/Producer").getUTF8Value();
    Handle metadata = Handle::newStream(&pdf_, xmp_packet(info, request_.date, producer, tagged));
    metadata.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);
    if (tagged)
      if (std::string e = add_attributes(root.getKey("/StructTreeRoot")); !e.empty()) return e;
    std::set<QPDFObjGen> fonts_done;
    for (auto& page : pages) {
      Handle dict = page.getObjectHandle();
      if (tagged) {
        mark_artifacts(dict);
        if (dict.getKey("/Annots").isArray()) dict.replaceKey("/Tabs", Handle::newName("/S"));
      }
      fix_fonts(dict.getKey("/Resources"), fonts_done);
    }
    if (is_pdfa(info.standard)) return make_pdfa(root, pages);
    return {};
  }

 private:
  void set_boxes(Handle dict, const Page& page) {
    if (page.bleed <= 0 && !page.crop_marks) return;  // the TrimBox is the MediaBox by default
    // PDF boxes are in points from the sheet's bottom-left corner.
    double o = media_outset(page);
    double w = page.size.width, h = page.size.height, b = page.bleed;
    dict.replaceKey("/TrimBox", Handle::newFromRectangle({o, o, o + w, o + h}));
    dict.replaceKey("/BleedBox", Handle::newFromRectangle({o - b, o - b, o + w + b, o + h + b}));
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
      if (!r.span) apply(element, e);
      self(self, element.getKey("/K"));
    };
    visit(visit, tree_root.getKey("/K"));
    if (error.empty() && next != records.size())
      error = fmt::format("cairo wrote {} structure elements of {} tagged", next, records.size());
    return error.empty() ? "" : "the tagged structure does not match: " + error;
  }

  void apply(Handle element, const StructElement& e) {
    if (!e.language.empty()) element.replaceKey("/Lang", Handle::newUnicodeString(e.language));
    if (!e.actual_text.empty())
      element.replaceKey("/ActualText", Handle::newUnicodeString(e.actual_text));
    if (e.role == Role::Figure)
      element.replaceKey("/Alt", Handle::newUnicodeString(e.alt.empty() ? "Image" : e.alt));
    if (e.role == Role::Link && !e.alt.empty()) {
      element.replaceKey("/Alt", Handle::newUnicodeString(e.alt));
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
            annot.replaceKey("/Contents", Handle::newUnicodeString(e.alt));
            annot.replaceKey("/F", Handle::newInteger(4));  // printed (PDF/A asks for the flag)
          }
        }
      }
    }
    if (e.scope != Scope::none)
      element.replaceKey("/A",
                         Handle::parse(e.scope == Scope::column ? "<< /O /Table /Scope /Column >>"
                                                                : "<< /O /Table /Scope /Row >>"));
  }

  void mark_artifacts(Handle page) {
    Handle contents = page.getKey("/Contents");
    if (!contents.isStream()) return;  // cairo writes one stream per page
    auto data = contents.getStreamData(qpdf_dl_generalized);
    std::string_view text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    contents.replaceStreamData(wrap_unmarked_content(text), Handle::newNull(), Handle::newNull());
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
              !d.hasKey("/CIDToGIDMap"))
            d.replaceKey("/CIDToGIDMap", Handle::newName("/Identity"));
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
    std::set<std::string> seen;
    for (const Page& page : *request_.pages) {
      std::function<void(const Frame&)> scan = [&](const Frame& f) {
        for (const auto& item : f.items) {
          if (auto* image = std::get_if<ImageItem>(&item)) {
            if (seen.insert(image->path).second && jpeg_components(image->path) == 4)
              cmyk.push_back(image->path);
          } else if (auto* group = std::get_if<GroupItem>(&item)) {
            scan(*group->frame);
          }
        }
      };
      scan(page.frame);
    }
    if (!cmyk.empty())
      return fmt::format(
          "PDF/A-2 with an sRGB output intent cannot hold the CMYK JPEG `{}`; "
          "convert it to RGB, or leave out --pdf-standard",
          cmyk.front());
    std::string profile = srgb_profile();
    if (profile.empty())
      return "PDF/A needs an sRGB ICC profile; install Debian's icc-profiles-free";
    Handle icc = Handle::newStream(&pdf_, profile);
    icc.getDict().replaceKey("/N", Handle::newInteger(3));
    Handle intent = Handle::parse(
        "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
        "/Info (sRGB IEC61966-2.1) >>");
    intent.replaceKey("/DestOutputProfile", icc);
    Handle intents = Handle::newArray();
    intents.appendItem(intent);
    root.replaceKey("/OutputIntents", intents);
    // PDF/A forbids /Interpolate true on images.
    std::set<QPDFObjGen> done;
    std::function<void(Handle)> images = [&](Handle resources) {
      if (!resources.isDictionary()) return;
      Handle xobjects = resources.getKey("/XObject");
      if (!xobjects.isDictionary()) return;
      for (auto& [name, x] : xobjects.ditems()) {
        if (!x.isStream() || !done.insert(x.getObjGen()).second) continue;
        Handle dict = x.getDict();
        if (dict.hasKey("/Interpolate")) dict.removeKey("/Interpolate");
        if (dict.hasKey("/SMask")) {
          Handle mask = dict.getKey("/SMask");
          if (mask.isStream() && mask.getDict().hasKey("/Interpolate"))
            mask.getDict().removeKey("/Interpolate");
        }
        images(dict.getKey("/Resources"));
      }
    };
    for (auto& page : pages) images(page.getObjectHandle().getKey("/Resources"));
    return {};
  }

  QPDF& pdf_;
  const FinishRequest& request_;
};

}  // namespace

std::string finish_pdf(const std::string& path, const FinishRequest& request) {
  const PdfInfo& info = *request.info;
  bool boxes = std::any_of(request.pages->begin(), request.pages->end(),
                           [](const Page& p) { return p.bleed > 0 || p.crop_marks; });
  // Untagged with no boxes and no links: cairo's file is final.
  if (!request.structure && !boxes && request.link_count == 0 && !is_pdfa(info.standard)) return {};
  std::string rewritten = path + ".finish";
  try {
    QPDF pdf;
    // Cairo 1.16 lists an object it never writes in the xref of a page with
    // links; qpdf rebuilds the table (so the result passes qpdf --check) and
    // would warn about it on stderr.
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    Finisher finisher(pdf, request);
    if (std::string error = finisher.run(); !error.empty()) return error;
    QPDFWriter writer(pdf, rewritten.c_str());
    writer.setDeterministicID(true);  // the same input gives the same bytes
    if (is_pdfa(info.standard)) writer.setNewlineBeforeEndstream(true);
    writer.write();
  } catch (const std::exception& e) {
    std::remove(rewritten.c_str());
    return std::string("cannot finish the PDF: ") + e.what();
  }
  if (std::rename(rewritten.c_str(), path.c_str()) != 0) {
    std::remove(rewritten.c_str());
    return "cannot replace the PDF with its finished version";
  }
  return {};
}

}  // namespace folio
#endif  // FOLIO_WITHOUT_QPDF
