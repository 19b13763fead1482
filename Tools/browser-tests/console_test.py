#!/usr/bin/env python3
"""Browser tests of the coordinators' console (#23): headless Debian Chromium driven by selenium against a real
`tuanju serve` on loopback, over a data directory built with the CLI (a coordinator, a rider with a claimed task,
23 photo reports, points and two redemption requests, a few map searches).

Checks: sign-in (and a rider's token refused), the queue shows a `<script>` note as text, accept and reject by
mouse, the rider's inbox hears of both, a form with a forged CSRF token is refused with 403 and changes nothing,
the CSP header on every page and an injected inline script blocked by it, a keyboard-only review of 20 reports,
the report, map, figures and redemption pages (a batch run, its CSV downloaded), sign-out. With --screenshots DIR,
saves a PNG of every page in Chinese and English (1366x768) and the queue on a phone (390x844).

Usage: console_test.py [--tuanju .build/debug/tuanju] [--screenshots docs/console]
Exit 0 when every check passed; 1 with the failed check named otherwise.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHOTO = os.path.join(ROOT, "Seed", "samples", "IMG_0412.jpg")
SCRIPT_NOTE = '<script>alert("x")</script> 井盖松动'
CHECKS = []


def check(condition, what):
    """Records a check; the first failure stops the run with its name."""
    if not condition:
        raise AssertionError(what)
    CHECKS.append(what)
    print(f"  ok  {what}", flush=True)


class CLI:
    def __init__(self, binary, data):
        self.binary = binary
        self.data = data

    def run(self, args, token=None, expect=0):
        env = dict(os.environ, TUANJU_DATA=self.data, TUANJU_LANG="en")
        env.pop("TUANJU_TOKEN", None)
        if token:
            env["TUANJU_TOKEN"] = token
        done = subprocess.run([self.binary] + args + ["--json"], env=env, capture_output=True, text=True)
        if done.returncode != expect:
            raise AssertionError(f"tuanju {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
        return json.loads(done.stdout) if done.stdout.strip() else None


def build_data(cli):
    """A data directory like the demo's, built through the CLI (the same use cases as everywhere)."""
    admin = cli.run(["init"])["admin_token"]
    coordinator = cli.run(["users", "add", "--name", "王协调", "--role", "coordinator"], admin)["token"]
    rider = cli.run(["riders", "register", "--name", "李骑手", "--phone", "13812341234", "--platform", "meituan"], coordinator)
    rider_token = rider["token"]
    rider_id = cli.run(["whoami"], rider_token)["id"]
    task = cli.run(["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "10"], coordinator)["id"]
    cli.run(["tasks", "claim", task], rider_token)
    reports = []
    for index in range(23):
        lat = 30.279 + (index % 6) * 0.0061
        lon = 120.149 + (index // 6) * 0.0105 + (index % 3) * 0.0011
        note = SCRIPT_NOTE if index == 0 else f"第 {index + 1} 处:井盖松动 / loose cover #{index + 1}"
        report = cli.run(["reports", "submit", "--category", "manhole-cover", "--task", task, "--photo", PHOTO,
                          "--lat", f"{lat:.5f}", "--lon", f"{lon:.5f}", "--note", note], rider_token)
        reports.append(report["id"])
    cli.run(["points", "award", "--rider", rider_id, "--amount", "200", "--reason", "browser test"], coordinator)
    reward = cli.run(["rewards", "list", "--limit", "1"], rider_token)[0]["id"]
    cli.run(["rewards", "redeem", reward], rider_token)
    cli.run(["rewards", "redeem", reward], rider_token)
    for lat, lon in [(30.2925, 120.1710), (30.2930, 120.1712), (30.3001, 120.1601), (30.2810, 120.1805)]:
        cli.run(["map", "nearest", "--lat", str(lat), "--lon", str(lon)])
    return {"admin": admin, "coordinator": coordinator, "rider": rider_token, "rider_id": rider_id, "reports": reports}


def start_server(binary, data):
    server = subprocess.Popen(
        [binary, "serve", "--data", data, "--port", "0", "--rate-limit", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, TUANJU_LANG="en"))
    line = server.stdout.readline()
    match = re.search(r"http://([0-9.]+:[0-9]+)", line)
    if not match:
        server.kill()
        raise AssertionError(f"tuanju serve did not say where it listens: {line!r}")
    return server, "http://" + match.group(1)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,768", "--lang=zh-CN", "--no-first-run", "--disable-extensions"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    return driver


def fetch(url, driver):
    """GET with the browser's cookies, for what selenium cannot see: response headers, a CSV download."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        response = urllib.request.urlopen(request, timeout=10)
        return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def gone(element):
    """True once `element` left the document (the page it was on was replaced). Chromium may answer a node of a
    page being replaced with a generic inspector error rather than a stale-element one: both mean gone."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def wait_new_page(driver, old, timeout=20):
    WebDriverWait(driver, timeout).until(lambda _: gone(old))
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


def sign_in(driver, base, token):
    driver.get(base + "/console/sign-in")
    field = driver.find_element(By.ID, "token")
    field.send_keys(token)
    button = driver.find_element(By.ID, "sign-in")
    button.click()
    wait_new_page(driver, button)


def status_of(cli, tokens, report):
    return cli.run(["reports", "show", report], tokens["coordinator"])["status"]


def shoot(driver, directory, name):
    if directory:
        driver.save_screenshot(os.path.join(directory, name + ".png"))


def run(args):
    data_root = tempfile.mkdtemp(prefix="tuanju-browser-")
    data = os.path.join(data_root, "data")
    cli = CLI(args.tuanju, data)
    started = time.time()
    tokens = build_data(cli)
    reports = tokens["reports"]
    print(f"data ready in {time.time() - started:.1f} s: {len(reports)} reports", flush=True)
    server, base = start_server(args.tuanju, data)
    driver = browser()
    shots = args.screenshots
    if shots:
        os.makedirs(shots, exist_ok=True)
    try:
        # Sign-in: a rider's token is refused; a coordinator's opens the queue.
        driver.get(base + "/console")
        check(driver.current_url.endswith("/console/sign-in"), "an anonymous visit is sent to sign in")
        shoot(driver, shots, "sign-in-zh")
        sign_in(driver, base, tokens["rider"])
        check("骑手令牌不能登录管理后台" in driver.page_source, "a rider's token cannot sign in")
        sign_in(driver, base, tokens["coordinator"])
        check(driver.current_url.endswith("/console") and "王协调" in driver.page_source, "a coordinator signs in to the queue")
        session = [c for c in driver.get_cookies() if c["name"] == "tuanju_session"]
        check(session and session[0]["httpOnly"] and session[0].get("sameSite") == "Strict", "the session cookie is HttpOnly and SameSite=Strict")

        # The queue: oldest first, the <script> note shown as text, thumbnails loaded.
        first = driver.find_element(By.CSS_SELECTOR, ".queue .card")
        check(first.get_attribute("data-report") == reports[0], "the queue starts with the oldest report")
        check(SCRIPT_NOTE in first.find_element(By.CSS_SELECTOR, ".note").text, "a <script> note shows as text")
        alerts = driver.execute_script("return typeof window.alertCalled")
        check(alerts == "undefined", "the note's script never ran")
        image = first.find_element(By.CSS_SELECTOR, ".photos img")
        check(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image), "the thumbnail loads")
        shoot(driver, shots, "queue-zh")

        # CSP: the header on every page, and an inline script injected into the page is blocked by it.
        for path in ["/console", "/console/map", "/console/figures", "/console/redemptions", f"/console/reports/{reports[0]}"]:
            status, headers, _ = fetch(base + path, driver)
            policy = headers.get("Content-Security-Policy", "")
            check(status == 200 and "script-src 'self'" in policy and "unsafe-inline" not in policy, f"CSP forbids inline scripts on {path}")
        driver.execute_script(
            "var s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s);")
        check(driver.execute_script("return typeof window.injected") == "undefined", "the browser blocks an injected inline script")

        # Accept by mouse (with points), reject by mouse (with a reason); the rider's inbox hears of both.
        card = driver.find_element(By.CSS_SELECTOR, f"#card-{reports[0]}")
        card.find_element(By.CSS_SELECTOR, "form.accept input[name=points]").send_keys("8")
        button = card.find_element(By.CSS_SELECTOR, "form.accept button")
        button.click()
        wait_new_page(driver, button)
        check(reports[0] in driver.find_element(By.CSS_SELECTOR, ".flash").text, "the queue says the report was accepted")
        card = driver.find_element(By.CSS_SELECTOR, f"#card-{reports[1]}")
        card.find_element(By.CSS_SELECTOR, "form.reject input[name=reason]").send_keys("照片看不清")
        button = card.find_element(By.CSS_SELECTOR, "form.reject button")
        button.click()
        wait_new_page(driver, button)
        check(status_of(cli, tokens, reports[0]) == "accepted", "the first report is accepted")
        check(status_of(cli, tokens, reports[1]) == "rejected", "the second report is rejected")
        inbox = cli.run(["inbox", "list"], tokens["rider"])
        templates = [notice["template"] for notice in inbox]
        check("report.accepted" in templates and "report.rejected" in templates, "the rider's inbox shows the acceptance and the rejection")

        # CSRF: a form whose token was tampered with is refused with 403, and the report stays as it was.
        card = driver.find_element(By.CSS_SELECTOR, f"#card-{reports[2]}")
        driver.execute_script("arguments[0].value = 'tj_forged'", card.find_element(By.CSS_SELECTOR, "form.accept input[name=csrf]"))
        button = card.find_element(By.CSS_SELECTOR, "form.accept button")
        button.click()
        wait_new_page(driver, button)
        check("CSRF" in driver.find_element(By.ID, "problem").text, "a forged CSRF token is refused")
        check(status_of(cli, tokens, reports[2]) == "submitted", "the refused form changed nothing")
        status, _, _ = fetch(base + f"/console/reports/{reports[2]}/accept", driver)  # a GET is no way round it
        check(status in (404, 405), "an action cannot be done by GET")

        # Keyboard only: 20 reports, accepted with `a`, every fourth rejected with `r`, a reason and Enter.
        driver.get(base + "/console")
        queue_start = time.time()
        for index in range(20):
            current = driver.find_element(By.CSS_SELECTOR, ".queue .card.current")
            expected = reports[2 + index]
            if current.get_attribute("data-report") != expected:
                raise AssertionError(f"keyboard review {index + 1}: the current card is {current.get_attribute('data-report')}, not {expected}")
            body = driver.find_element(By.TAG_NAME, "body")
            if index % 4 == 3:
                body.send_keys("r")
                focused = driver.switch_to.active_element
                if focused.get_attribute("name") != "reason":
                    raise AssertionError("`r` did not move to the reason field")
                focused.send_keys("位置不在辖区" + Keys.ENTER)
            else:
                body.send_keys("a")
            wait_new_page(driver, current)
        elapsed = time.time() - queue_start
        statuses = [status_of(cli, tokens, report) for report in reports[2:22]]
        check(statuses == ["rejected" if i % 4 == 3 else "accepted" for i in range(20)],
              f"a keyboard-only review of 20 reports ({elapsed:.1f} s)")
        # `j` moves to the next card.
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        current = driver.find_element(By.CSS_SELECTOR, ".queue .card.current")
        check(current.get_attribute("data-report") == reports[22] or len(driver.find_elements(By.CSS_SELECTOR, ".queue .card")) == 1,
              "`j` moves to the next report")

        # The report's page: photo full size, history, place on the map; dispatch an accepted report.
        driver.get(base + f"/console/reports/{reports[0]}")
        check(len(driver.find_elements(By.CSS_SELECTOR, ".history li")) >= 2, "the report's page shows its history")
        check(len(driver.find_elements(By.CSS_SELECTOR, ".where svg circle.here")) == 1, "the report's page places it on the map")
        photo = driver.find_element(By.CSS_SELECTOR, ".photos.full img")
        check(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", photo), "the full photo loads")
        shoot(driver, shots, "report-zh")
        button = driver.find_element(By.CSS_SELECTOR, "form.dispatch button")
        button.click()
        wait_new_page(driver, button)
        check(status_of(cli, tokens, reports[0]) == "dispatched", "a report is dispatched to an agency from its page")

        # The map, the figures and the redemption batches.
        driver.get(base + "/console/map")
        pins = driver.find_elements(By.CSS_SELECTOR, "svg.map circle.pin")
        check(len(pins) == 23 and driver.find_elements(By.CSS_SELECTOR, "svg.map polygon.area"), "the map draws every report over the service area")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.map rect.point")) > 0, "the map draws the service points")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.map rect.heat")) > 0, "the map draws the demand cells")
        shoot(driver, shots, "map-zh")
        driver.get(base + "/console/map?status=rejected")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.map circle.pin")) == 6, "the map filters by status")
        driver.get(base + "/console/figures")
        chart = driver.find_element(By.CSS_SELECTOR, "img.chart")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return arguments[0].complete", chart))
        check(driver.execute_script("return arguments[0].naturalWidth > 0", chart), "the figures page shows the stats chart")
        shoot(driver, shots, "figures-zh")
        driver.get(base + "/console/redemptions")
        check("2" in driver.find_element(By.ID, "batches-waiting").text, "the batches page counts the waiting requests")
        button = driver.find_element(By.ID, "run-batch")
        button.click()
        wait_new_page(driver, button)
        link = WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.batches a"))
        shoot(driver, shots, "redemptions-zh")
        status, headers, body = fetch(link[0].get_attribute("href"), driver)
        check(status == 200 and body.decode().startswith("request_id,rider_id,phone"), "the fulfilment CSV downloads")

        # English: every page again, and the queue on a phone.
        driver.get(base + "/console?lang=en")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "?lang=en switches to English")
        shoot(driver, shots, "queue-en")
        driver.get(base + "/console/map")
        check("Map of reports" in driver.page_source, "English is remembered from page to page")
        shoot(driver, shots, "map-en")
        driver.get(base + f"/console/reports/{reports[0]}")
        shoot(driver, shots, "report-en")
        driver.get(base + "/console/figures")
        shoot(driver, shots, "figures-en")
        driver.get(base + "/console/redemptions")
        shoot(driver, shots, "redemptions-en")
        if shots:
            driver.set_window_size(390, 844)
            driver.get(base + "/console?lang=zh")
            shoot(driver, shots, "queue-phone-zh")
            driver.set_window_size(1366, 768)

        # Sign-out revokes the session.
        stale = [c for c in driver.get_cookies() if c["name"] == "tuanju_session"][0]["value"]
        button = driver.find_element(By.CSS_SELECTOR, "form.signout button")
        button.click()
        wait_new_page(driver, button)
        check(driver.current_url.endswith("/console/sign-in?signed-out=1"), "signing out leads back to sign-in")
        if shots:
            driver.get(base + "/console/sign-in?lang=en")
            shoot(driver, shots, "sign-in-en")
        request = urllib.request.Request(base + "/console", headers={"Cookie": f"tuanju_session={stale}"})
        opener = urllib.request.build_opener(NoRedirect())
        try:
            opener.open(request, timeout=10)
            revoked = False
        except urllib.error.HTTPError as error:
            revoked = error.code == 303
        check(revoked, "the signed-out session no longer opens a page")
        severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and "injected" not in entry["message"]
                  and "Content Security Policy" not in entry["message"] and "favicon" not in entry["message"]
                  and "status of 403" not in entry["message"]]  # the refusals the checks above asked for
        check(not severe, f"no errors in the browser console {severe[:2]}")
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data_root, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuanju", default=os.path.join(ROOT, ".build", "debug", "tuanju"))
    parser.add_argument("--screenshots", help="save PNG screenshots of every page here (docs/console)")
    args = parser.parse_args()
    started = time.time()
    try:
        run(args)
    except (AssertionError, WebDriverException) as failure:
        print(f"browser tests: FAILED: {failure or 'a page did not load in time'}", file=sys.stderr)
        return 1
    print(f"browser tests: {len(CHECKS)} checks passed in {time.time() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
