#pragma once

#include <string>
#include <vector>

namespace folio {

// The folder of folio's own files (fonts/, layouts/, data/): `share/folio`
// beside the binary's folder once installed, found at run time so an installed
// tree can move. Looked for, in order:
//   1. $FOLIO_SHARE_DIR, when it names a folder;
//   2. SHARE/folio in the running program's folder or one of its three parents,
//      where SHARE is `share` (an install: PREFIX/bin/folio finds
//      PREFIX/share/folio; a build tree links build/share/folio to the source tree);
//   3. the install prefix's share/folio, for programs that embed libfolio.
// Empty when none holds a fonts/ folder.
const std::string& share_dir();

// The running program's folder and its three parents, nearest first: where
// an installed tree (PREFIX/bin, PREFIX/share, PREFIX/lib) or a build tree
// that mirrors one is looked for. Empty when /proc/self/exe cannot be read.
std::vector<std::string> program_folders();

}  // namespace folio
