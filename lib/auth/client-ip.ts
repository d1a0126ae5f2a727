// The address a request came from, as far as the server can know it. The last
// X-Forwarded-For entry is the one written by the nearest hop: the reverse proxy in
// production (nginx's $proxy_add_x_forwarded_for appends the peer it saw), Next.js itself
// otherwise (it sets the socket's address when the header is absent). Earlier entries are
// whatever the client claimed.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? headers.get("x-real-ip")?.trim();
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same address as its IPv4 form.
  return ip ? ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64) : "unknown";
}
