// Mirrors the database's crm_search_text() (lower-case, accents removed) on what the user typed,
// so « lefevre », « Lefèvre » and « LEFEVRE » all match the generated Prospect.searchText column.
// Pure: shared by the list query and its unit test.
export function normaliseSearchText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
