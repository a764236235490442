// The header and footer every page shares, so a page's HTML holds only what is its own.
const PAGES = [
  ["/rankings.html", "Rankings"],
  ["/profile.html", "Partnership profile"],
  ["/funding.html", "Funding trends"],
  ["/sql.html", "SQL console"],
  ["/docs.html", "API"],
];

export function frame() {
  const header = document.createElement("header");
  header.className = "site";
  const brand = document.createElement("span");
  brand.className = "brand";
  brand.textContent = "Drug treatment partnerships";
  const nav = document.createElement("nav");
  nav.setAttribute("aria-label", "Pages");
  nav.style.display = "contents";
  for (const [href, label] of PAGES) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    if (location.pathname === href) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
  header.append(brand, nav);
  document.body.prepend(header);
  const footer = document.createElement("footer");
  footer.className = "version";
  footer.innerHTML = '<span id="version" role="status">Asking the warehouse…</span> ' +
    '<span class="note">Add <code>as_of=N</code> to the address to see version N.</span>';
  document.body.append(footer);
}
