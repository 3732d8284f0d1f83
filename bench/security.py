#!/usr/bin/env python3
"""Issue 9: sqlmap over every form field, query parameter and path id the app has.

Called by bench/security.sh against a running app on a throwaway database (sqlmap's POSTs really
write). Nothing is hand-listed: the targets are found the way tests/fuzz.rs finds its forms, by
reading the real pages. Starting from `/` as each user (and `/login` logged out), it follows every
same-origin link, keeps at most a few pages of each kind (ids stripped), and collects
  - every `<form method=post>`: its action and fields as a browser would send them,
  - every `<form method=get>` and every link with a query string: the parameter names per path,
  - every numeric path segment (and a word segment before one that varies, as in
    `/history/{table}/{id}`): a `*` marker for sqlmap.
Then sqlmap runs over each target and its output is read for the summary. Standard library only.
"""

import argparse
import concurrent.futures
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

SESSION_COOKIE = "ikt_styring_sid"
CSRF_FIELD = "csrf_token"
# Routes that would end the session or change the password the run logs in with.
EXCLUDED = re.compile(r"^/logout$|password")
# Not pages: files and downloads are fetched by nobody here.
NOT_PAGES = re.compile(r"^/static/|\.(csv|xlsx|css|js|png|svg|ico|woff2?)$")
PAGES_PER_KIND = 2
PAGES_WITHOUT_FORM = 25
MAX_PAGES = 400


def kind(path):
    """A URL's shape: ids stripped, so /measures/12 and /measures/13 are one kind."""
    return re.sub(r"\d+", "#", path)


class PageParser(html.parser.HTMLParser):
    """Links and forms of one page, fields as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "enctype": a.get("enctype") or "",
                "fields": [],  # (name, value) in order
                "files": [],
                "groups": {},  # checkbox/radio name -> values offered
                "button": None,
            }
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name"):
            t = (a.get("type") or "text").lower()
            name, value = a["name"], a.get("value") or ""
            if t in ("checkbox", "radio"):
                self.form["groups"].setdefault(name, []).append(value)
                if "checked" in a:
                    self.form["fields"].append((name, value))
            elif t == "file":
                self.form["files"].append(name)
            elif t in ("submit", "image", "button", "reset"):
                if t == "submit" and self.form["button"] is None:
                    self.form["button"] = (name, value)
            else:
                self.form["fields"].append((name, value))
        elif tag == "button" and a.get("name"):
            if (a.get("type") or "submit").lower() == "submit" and self.form["button"] is None:
                self.form["button"] = (a["name"], a.get("value") or "")
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "values": [], "chosen": None}
        elif tag == "option" and self.select is not None:
            self.select["values"].append(a.get("value", ""))
            if "selected" in a:
                self.select["chosen"] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if self.form is None:
            return
        if tag == "select" and self.select is not None:
            s = self.select
            values = [v for v in s["values"] if v != ""] or s["values"]
            chosen = s["chosen"] if s["chosen"] not in (None, "") else (values[0] if values else "")
            self.form["fields"].append((s["name"], chosen))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.form["fields"].append((name, text.strip()))
            self.textarea = None
        elif tag == "form":
            f = self.form
            # A group with nothing checked is still a parameter the handler reads: send its first
            # value, so sqlmap has something to test.
            for name, values in f["groups"].items():
                if not any(n == name for n, _ in f["fields"]):
                    f["fields"].append((name, values[0]))
            if f["button"] and f["button"][0]:
                f["fields"].append(f["button"])
            self.form = None


# Values tried, in turn, in a field the app marks invalid (aria-invalid) until the form saves.
CANDIDATES = ["sqlmap", "1", "2025", "01.01.2025", "2025-01-01", "sqlmap@example.org"]


def invalid_fields(page):
    names = []
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", page):
        if 'aria-invalid="true"' in tag:
            m = re.search(r'\bname="([^"]+)"', tag)
            if m:
                names.append(html.unescape(m.group(1)))
    return names


def baseline(site, cookie, action, fields):
    """The form's values as a request the app accepts (303), so that sqlmap's payloads travel the
    whole way to the queries that save, not only to the validation that refuses. Empty fields the
    app marks invalid get plausible values. Returns the fields and whether the app accepted them."""
    fields, tried = list(fields), {}
    for _ in range(len(CANDIDATES) + 1):
        status, _, body = site.post(action, urllib.parse.urlencode(fields), cookie)
        if status in (302, 303):
            return fields, True
        bad = [n for n in invalid_fields(body.decode("utf-8", "replace")) if tried.get(n, -1) + 1 < len(CANDIDATES)]
        if not bad:
            return fields, False
        for n in bad:
            tried[n] = tried.get(n, -1) + 1
            fields = [(k, CANDIDATES[tried[n]] if k == n else v) for k, v in fields]
    return fields, False


class Site:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.origin = urllib.parse.urlsplit(self.base)
        opener = urllib.request.build_opener(NoRedirect())
        self.opener = opener

    def get(self, path, cookie=None):
        req = urllib.request.Request(self.base + path)
        if cookie:
            req.add_header("Cookie", cookie)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def post(self, path, data, cookie):
        req = urllib.request.Request(self.base + path, data=data.encode(), method="POST")
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
        req.add_header("Cookie", cookie)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def local(self, page, href):
        """The same-origin path (with query) a link points to, or None."""
        u = urllib.parse.urlsplit(urllib.parse.urljoin(self.base + page, href))
        if (u.scheme, u.netloc) != (self.origin.scheme, self.origin.netloc):
            return None
        return u.path + (("?" + u.query) if u.query else "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(site, user, password, jar):
    """Log in with curl, as a person would with a browser: the login page first (its session and,
    while the app has one, its CSRF token), then the form. Returns the Cookie header value."""
    curl = ["curl", "-s", "-c", jar, "-b", jar]
    page = subprocess.run(curl + [site.base + "/login"], capture_output=True, text=True).stdout
    m = re.search(r'name="%s" value="([^"]*)"' % CSRF_FIELD, page)
    data = ["--data-urlencode", "username=" + user, "--data-urlencode", "password=" + password,
            "--data-urlencode", "next=/"]
    if m:
        data += ["--data-urlencode", "%s=%s" % (CSRF_FIELD, m.group(1))]
    code = subprocess.run(curl + ["-o", "/dev/null", "-w", "%{http_code}"] + data + [site.base + "/login"],
                          capture_output=True, text=True).stdout
    sid = None
    with open(jar) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 7 and parts[5] == SESSION_COOKIE:
                sid = parts[6]
    if code != "303" or not sid:
        sys.exit("login as %s failed (HTTP %s)" % (user, code))
    return "%s=%s" % (SESSION_COOKIE, sid)


def logged_in(site, cookie):
    status, headers, _ = site.get("/", cookie)
    return status == 200


def crawl(site, cookie):
    """Pages reachable from / (or /login when logged out): {path: (html, forms)} and links."""
    start = "/" if cookie else "/login"
    queue, seen, per_kind, pages, links, with_forms = [start], set(), {}, {}, set(), set()
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        bare = path.split("?")[0]
        if EXCLUDED.search(bare) or NOT_PAGES.search(bare):
            links.add(path)
            continue
        k = kind(bare) + "?" + ",".join(sorted(urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)))
        # A few pages of a kind show its forms; a kind whose pages showed none yet is read
        # further, since some forms appear only on some records (a strategy no measure
        # serves is the one that can be deleted).
        if per_kind.get(k, 0) >= (PAGES_PER_KIND if k in with_forms else PAGES_WITHOUT_FORM):
            continue
        status, headers, body = site.get(path, cookie)
        if status != 200 or "text/html" not in headers.get("Content-Type", headers.get("content-type", "")):
            continue
        per_kind[k] = per_kind.get(k, 0) + 1
        text = body.decode("utf-8", "replace")
        p = PageParser()
        p.feed(text)
        pages[path] = (text, p.forms)
        if any(f["method"] == "post" and f["action"] != "/logout" for f in p.forms):
            with_forms.add(k)
        for href in p.links:
            target = site.local(path, href)
            if target:
                links.add(target)
                if target not in seen:
                    queue.append(target)
    return pages, links


def upload_previews(site, cookie, jar, pages, links):
    """A form that uploads a file (the import) leads to further forms (the preview's confirm):
    upload the app's own export of the same record, as a user re-importing it would."""
    found = {}
    exports = [l for l in links if l.endswith(".csv")]
    for page, (_, forms) in list(pages.items()):
        for f in forms:
            if f["method"] != "post" or not f["files"]:
                continue
            action = f["action"] or page
            prefix = re.match(r"^(/[^/]+/\d+)", action)
            csv = next((e for e in exports if prefix and e.startswith(prefix.group(1) + "/")), None)
            if not csv:
                continue
            _, _, data = site.get(csv, cookie)
            with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as t:
                t.write(data)
            args = ["curl", "-s", "-b", cookie]
            for name, value in f["fields"]:
                args += ["-F", "%s=%s" % (name, value)]
            args += ["-F", "%s=@%s;filename=export.csv" % (f["files"][0], t.name), site.base + action]
            text = subprocess.run(args, capture_output=True, text=True).stdout
            os.unlink(t.name)
            p = PageParser()
            p.feed(text)
            found[action + " (preview)"] = (text, p.forms)
    return found


def mark_path(path, siblings):
    """The path with sqlmap's `*` after each id, and after a word segment that is followed by an
    id and differs among otherwise equal paths (a record kind such as /history/measure/5)."""
    segs = path.split("/")
    out = []
    for i, s in enumerate(segs):
        marked = s.isdigit()
        if not marked and s and i + 1 < len(segs) and segs[i + 1].isdigit() and i > 1:
            shape = kind("/".join(segs[:i] + ["?"] + segs[i + 1:]))
            marked = len({p.split("/")[i] for p in siblings if kind_with_hole(p, i) == shape}) > 1
        out.append(s + "*" if marked else s)
    return "/".join(out)


def kind_with_hole(path, i):
    segs = path.split("/")
    if len(segs) <= i:
        return None
    segs[i] = "?"
    return kind("/".join(segs))


def unique(fields):
    """sqlmap tests a repeated name once: send it once, with its first value."""
    out = []
    for n, v in fields:
        if n not in [x for x, _ in out]:
            out.append((n, v))
    return out


def refreshed(site, cookie, page, action):
    status, _, body = site.get(page, cookie)
    if status != 200:
        return None
    p = PageParser()
    p.feed(body.decode("utf-8", "replace"))
    return next((f for f in p.forms if f["method"] == "post" and f["action"] == action), None)


def targets(site, roles, kinds):
    """Every injection target not in `kinds` yet, deduplicated by kind across roles (the first
    role that sees a kind tests it); `kinds` is extended with what is returned."""
    out = []
    for role in roles:
        pages, links, cookie = role["pages"], role["links"], role["cookie"]
        csrf_pages = sorted((len(t), p) for p, (t, _) in pages.items()
                            if " " not in p and 'name="%s"' % CSRF_FIELD in t)
        # The token is the session's, the same on every page: sqlmap fetches it before each
        # request from the smallest page that carries it.
        csrf_url = csrf_pages[0][1] if csrf_pages else None
        # POST forms.
        for page, (_, forms) in pages.items():
            for f in forms:
                if f["method"] != "post" or f["files"]:
                    continue
                action = site.local(page.split(" ")[0], f["action"]) if f["action"] else page
                if not action or EXCLUDED.search(action.split("?")[0]):
                    continue
                if any(n == "username" and v == role["user"] for n, v in f["fields"]):
                    continue  # the account the run is logged in as: its role must survive
                k = "POST " + kind(action)
                if k in kinds:
                    continue
                kinds.add(k)
                fields = unique(f["fields"])
                accepted = None
                if cookie and not action.endswith("/delete"):
                    fields, accepted = baseline(site, cookie, action, fields)
                    if not accepted and " " not in page:
                        # Another form may have saved the record since the page was read (a
                        # status change bumps the version the edit form carries): read it again.
                        fresh = refreshed(site, cookie, page, f["action"])
                        if fresh:
                            fields, accepted = baseline(site, cookie, action, unique(fresh["fields"]))
                testable = [n for n, _ in fields if n != CSRF_FIELD]
                # Fields numbered alike (cell_2025_1, cell_2025_2, …) are read by one parser:
                # test the first of each shape, send them all.
                shapes = {}
                for n in testable:
                    shapes.setdefault(kind(n), n)
                names = list(shapes.values())
                data = urllib.parse.urlencode(fields)
                has_csrf = any(n == CSRF_FIELD for n, _ in fields)
                t = {"role": role["name"], "cookie": cookie, "method": "POST", "page": page,
                     "url": site.base + action, "data": data, "params": names,
                     "csrf_url": (site.base + csrf_url) if has_csrf and csrf_url else None,
                     "csrf": has_csrf, "all_params": len(testable),
                     "deletes": action.endswith("/delete"), "baseline": accepted}
                if not names:
                    # Nothing but the token: the path id is the parameter.
                    t["url"] = site.base + mark_path(action, [])
                    t["params"] = ["path id"]
                out.append(t)
        # Query parameters: GET forms and links, merged per path kind.
        queries = {}
        for page, (_, forms) in pages.items():
            for f in forms:
                if f["method"] == "get":
                    action = site.local(page, f["action"]) if f["action"] else page
                    if action:
                        q = queries.setdefault(kind(action.split("?")[0]), {"path": action.split("?")[0], "params": {}})
                        for n, v in f["fields"]:
                            q["params"].setdefault(n, v)
        for link in links:
            path, _, query = link.partition("?")
            if not query or EXCLUDED.search(path) or NOT_PAGES.search(path):
                continue
            q = queries.setdefault(kind(path), {"path": path, "params": {}})
            for n, v in urllib.parse.parse_qsl(query, keep_blank_values=True):
                q["params"].setdefault(n, v)
        for k, q in sorted(queries.items()):
            params = dict(q["params"])
            new = [n for n in params if "GET ?%s %s" % (k, n) not in kinds]
            if not new:
                continue
            # An empty filter gets the first value the page answers 200 for and does not mark invalid, as a form field
            # gets one the form saves with; none such, and it stays empty.
            # (nor answers with a message the page without it has not: role="alert").
            _, _, plain = site.get(q["path"] + "?" + urllib.parse.urlencode(params), cookie)
            alerts = plain.count(b'role="alert"')
            for n in [n for n, v in params.items() if v == ""]:
                for c in CANDIDATES:
                    status, _, body = site.get(q["path"] + "?" + urllib.parse.urlencode({**params, n: c}), cookie)
                    if (status == 200 and n not in invalid_fields(body.decode("utf-8", "replace"))
                            and body.count(b'role="alert"') <= alerts):
                        params[n] = c
                        break
            kinds.update("GET ?%s %s" % (k, n) for n in new)
            out.append({"role": role["name"], "cookie": cookie, "method": "GET", "page": q["path"],
                        "url": site.base + q["path"] + "?" + urllib.parse.urlencode(params),
                        "data": None, "params": new, "csrf": False, "csrf_url": None,
                        "all_params": len(params), "deletes": False})
        # Path ids of every page kind.
        paths = sorted({p.split("?")[0] for p in pages if " " not in p})
        for p in paths:
            marked = mark_path(p, paths)
            if "*" not in marked or "GET *" + kind(p) in kinds:
                continue
            kinds.add("GET *" + kind(p))
            out.append({"role": role["name"], "cookie": cookie, "method": "GET", "page": p,
                        "url": site.base + marked, "data": None, "params": ["path id"] * marked.count("*"),
                        "csrf": False, "csrf_url": None, "all_params": marked.count("*"), "deletes": False})
    return out


def run_sqlmap(t, n, args, outdir):
    log = os.path.join(outdir, "%02d.log" % n)
    cmd = [args.sqlmap, "-u", t["url"], "--batch", "--flush-session", "--disable-coloring",
           "--level", str(args.level), "--risk", str(args.risk),
           "--dbms", "PostgreSQL", "--output-dir", os.path.join(outdir, "sqlmap"),
           "--timeout", "30", "--retries", "2",
           # A form answers 303 when it saves and 200 with its messages when it refuses: that
           # difference is what sqlmap compares. Following the redirect would compare the next
           # page instead, which changes with every saved request.
           "--answers", "follow=N"]
    if t["data"] is not None:
        cmd += ["--data", t["data"]]
    if t["cookie"]:
        # The session cookie is the login: never let a test payload's answer replace it.
        cmd += ["--cookie", t["cookie"], "--drop-set-cookie"]
    if t.get("cookie_test"):
        cmd += ["-p", SESSION_COOKIE]
    elif "*" not in t["url"]:
        cmd += ["-p", ",".join(t["params"]), "--skip", SESSION_COOKIE]
    else:
        cmd += ["--skip", SESSION_COOKIE]
    if not t["csrf"]:
        # sqlmap refuses threads with a token to fetch before each request.
        cmd += ["--threads", str(args.threads)]
    else:
        cmd += ["--csrf-token", CSRF_FIELD]
        if t["csrf_url"]:
            cmd += ["--csrf-url", t["csrf_url"]]
    started = time.time()
    with open(log, "w") as f:
        f.write("# " + " ".join(cmd) + "\n")
        f.flush()
        subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return parse(log, time.time() - started)


def parse(log, seconds):
    with open(log, errors="replace") as f:
        text = f.read()
    injectable = sorted(set(re.findall(r"^Parameter: (.+)$", text, re.M)))
    injectable += sorted(set(re.findall(r"parameter '([^']+)' is vulnerable", text)) - {p.split(" ")[0] for p in injectable})
    not_injectable = set(re.findall(r"parameter '([^']+)' does not seem to be injectable", text))
    # Lines sqlmap marks critical, except the expected verdict that nothing was injectable.
    critical = [l for l in re.findall(r"\[CRITICAL\] (.*)", text)
                if "do not appear to be injectable" not in l]
    return {"injectable": injectable, "not_injectable": sorted(not_injectable),
            "critical": critical, "seconds": seconds}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sqlmap", required=True)
    ap.add_argument("--users", default="ikt,admin", help="demo users to log in as, comma-separated")
    ap.add_argument("--password", default="ringebu-demo")
    ap.add_argument("--level", type=int, default=2)
    ap.add_argument("--risk", type=int, default=1)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=2, help="sqlmap processes at once")
    ap.add_argument("--only", default="", help="test only targets whose URL contains this")
    ap.add_argument("--list", action="store_true", help="print the targets found and stop")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    site = Site(args.base)
    started = time.time()

    users = [u for u in args.users.split(",") if u]
    roles = [{"name": u, "user": u, "cookie": login(site, u, args.password, os.path.join(args.out, "cookies-%s.txt" % u)),
              "jar": os.path.join(args.out, "cookies-%s.txt" % u)} for u in users]
    roles.append({"name": "(logged out)", "user": None, "cookie": None, "jar": None})
    by_user = {r["name"]: r for r in roles}
    kinds, relogins, done, lock = set(), [0], [], threading.Lock()

    def discover(round_no):
        for r in roles:
            r["pages"], r["links"] = crawl(site, r["cookie"])
            if r["cookie"]:
                r["pages"].update(upload_previews(site, r["cookie"], r["jar"], r["pages"], r["links"]))
            print("round %d: crawled %-13s %3d pages" % (round_no, r["name"], len(r["pages"])))
        ts = targets(site, roles, kinds)
        for t in ts:
            if t["role"] == "(logged out)" and t["method"] == "POST" and t["data"]:
                # The login form: a name no account has, so the failures sqlmap causes lock nobody.
                # Nothing logged out is probed for a saving baseline; an empty field gets a value.
                t["data"] = re.sub(r"(^|&)username=[^&]*", r"\1username=sqlmap-probe", t["data"])
                t["data"] = re.sub(r"=(?=&|$)", "=sqlmap", t["data"])
        if round_no == 1 and roles[0]["cookie"]:
            # The session cookie itself, once.
            ts.append({"role": roles[0]["name"], "cookie": roles[0]["cookie"], "method": "GET",
                       "page": "/", "url": site.base + "/", "data": None, "params": [SESSION_COOKIE],
                       "csrf": False, "csrf_url": None, "all_params": 1, "deletes": False,
                       "cookie_test": True})
        if args.only:
            ts = [t for t in ts if args.only in t["url"]]
        print("round %d: %d targets, %d parameters" % (round_no, len(ts), sum(len(t["params"]) for t in ts)))
        for t in ts:
            print("  %-13s %-4s %s  [%s]%s%s" % (
                t["role"], t["method"], t["url"][len(site.base):], ", ".join(t["params"]),
                "  csrf" if t["csrf"] else "",
                {True: "  (saves)", False: "  (refused as sent)"}.get(t.get("baseline"), "")))
        return ts

    def check_session(t):
        r = by_user.get(t["role"])
        if r and r["cookie"] and not logged_in(site, r["cookie"]):
            relogins[0] += 1
            r["cookie"] = login(site, r["user"], args.password, r["jar"])
            print("  session of %s had ended: logged in again" % r["user"])
        if r and r["cookie"]:
            t["cookie"] = r["cookie"]

    def job(t):
        check_session(t)
        with lock:
            n = len(done)
            done.append((t, None))
        r = run_sqlmap(t, n, args, args.out)
        # A target is tested when sqlmap gave each of its parameters a verdict; its critical
        # lines (such as 'heavily dynamic', after which it retries) are shown, not failed on.
        r["untested"] = max(0, len(t["params"]) - len(r["not_injectable"]) - len(r["injectable"]))
        done[n] = (t, r)
        if r["injectable"]:
            verdict = "INJECTABLE: " + ", ".join(r["injectable"])
        elif r["untested"]:
            verdict = "NOT TESTED: %d of %d without a verdict" % (r["untested"], len(t["params"]))
        else:
            verdict = "not injectable"
        print("  [%4.0fs] %-4s %s: %s%s" % (r["seconds"], t["method"], t["url"][len(site.base):], verdict,
                                           ("; sqlmap: " + "; ".join(r["critical"])) if r["critical"] else ""),
              flush=True)

    def run(ts):
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(job, ts))

    # Round 1 tests what the pages show now; sqlmap's own writes then make more appear (a plan
    # long enough to have pages, say), so round 2 crawls again and tests what is new. Deleting
    # comes last and one at a time: once a delete is accepted, the record is gone.
    deletes = []
    for round_no in (1, 2):
        ts = discover(round_no)
        if args.list:
            continue
        deletes += [t for t in ts if t["deletes"]]
        run([t for t in ts if not t["deletes"]])
    if args.list:
        return
    for t in deletes:
        job(t)

    results = [r for _, r in done]
    order = [t for t, _ in done]
    injectable = [(t, r) for t, r in done if r["injectable"]]
    troubled = [(t, r) for t, r in done if r["untested"]]
    noted = [(t, r) for t, r in done if r["critical"] and not r["untested"]]
    forms = [t for t in order if t["method"] == "POST"]
    queries = [t for t in order if t["method"] == "GET" and "*" not in t["url"] and not t.get("cookie_test")]
    paths = [t for t in order if t["method"] == "GET" and "*" in t["url"]]
    params = sum(len(t["params"]) for t in order)
    elapsed = time.time() - started
    print()
    print("== sqlmap %s, level %d, risk %d, %d jobs x %d threads" % (
        subprocess.run([args.sqlmap, "--version"], capture_output=True, text=True).stdout.strip(),
        args.level, args.risk, args.jobs, args.threads))
    print("forms (POST) tested:       %d, %d fields (numbered fields once per shape)" % (
        len(forms), sum(len(t["params"]) for t in forms)))
    print("query strings tested:      %d, %d parameters" % (len(queries), sum(len(t["params"]) for t in queries)))
    print("path-id templates tested:  %d, %d segments" % (len(paths), sum(len(t["params"]) for t in paths)))
    print("session cookie tested:     %s" % ("yes" if any(t.get("cookie_test") for t in order) else "no"))
    print("parameters tested:         %d" % params)
    print("'not injectable' verdicts: %d" % sum(len(r["not_injectable"]) for r in results))
    print("re-logins:                 %d" % relogins[0])
    print("not tested (no verdict):   %d target(s)%s" % (len(troubled), "".join(
        "\n  %s %s: %s" % (t["method"], t["url"][len(site.base):], "; ".join(r["critical"])) for t, r in troubled)))
    print("tested, sqlmap noted:      %d target(s)%s" % (len(noted), "".join(
        "\n  %s %s: %s" % (t["method"], t["url"][len(site.base):], "; ".join(r["critical"])) for t, r in noted)))
    print("injectable:                %d%s" % (sum(len(r["injectable"]) for _, r in injectable), "".join(
        "\n  %s %s: %s (log %s)" % (t["method"], t["url"][len(site.base):], ", ".join(r["injectable"]),
                                     os.path.join(args.out, "%02d.log" % order.index(t))) for t, r in injectable)))
    print("sqlmap time:               %dm%02ds" % (elapsed // 60, elapsed % 60))
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump([{"method": t["method"], "url": t["url"], "params": t["params"], **r} for t, r in done], f, indent=1)
    # A target sqlmap could not test is no pass either.
    sys.exit(1 if injectable or troubled else 0)


if __name__ == "__main__":
    main()
