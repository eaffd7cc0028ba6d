using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Parts;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// Every route of the running app, probed by every user of one service company ("acme") against the
/// data of another ("other", the victim): a route that takes an id answers 404 for the victim's ids;
/// a route that lists or sums answers exactly what it answered before the victim had any data; a
/// route that acts on "everything" leaves the victim's records as they were; and no mail about the
/// victim's records is queued. A route missing from <see cref="Probes"/> fails the test, so a new
/// route cannot ship without its tenant probe (docs/security.md, "Tenants").
/// </summary>
public sealed partial class TenantIsolationTests : IAsyncLifetime
{
    private static readonly string[] Attackers = ["admin", "dispatch", "li", "jinli"];

    /// <summary>Text that only the victim's data contains; none of it may reach an attacker.</summary>
    private static readonly string[] Markers = ["site-b", "Other company", "SECRET", "zhou", "boss@other.example", "Victim Only"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, HttpClient> _clients = [];
    private DeskHost _host = null!;
    private Victim _victim = null!;

    private string Month => _time.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The tenant probe of every route: "METHOD /pattern" → what proves the attacker gets nothing.</summary>
    private Dictionary<string, Func<Task>> Probes() => new()
    {
        // No company's data behind these.
        ["GET /"] = None("a redirect to the user's landing page"),
        ["POST /signout"] = None("ends the caller's own session"),
        ["GET /signin"] = None("the sign-in form"),
        ["POST /culture"] = None("sets the caller's language cookie"),
        ["POST /signin"] = None("signs the caller in; covered by SignInSecurityTests"),
        ["GET /healthz"] = None("liveness and readiness: no records"),
        ["POST /healthz"] = None("liveness and readiness: no records"),
        ["GET /healthz/ready"] = None("readiness: no records"),
        ["POST /healthz/ready"] = None("readiness: no records"),
        ["GET /healthz/live"] = None("liveness: no records"),
        ["POST /healthz/live"] = None("liveness: no records"),
        ["GET /metrics"] = None("process metrics without site or tenant labels"),
        ["POST /metrics"] = None("process metrics without site or tenant labels"),
        ["GET /openapi/{documentName}.json"] = None("the API description"),
        ["GET /api/v1/config-signing-key"] = None("the public key gateways check configs with"),
        ["GET /survey/{token}"] = None("opened by the customer's unguessable token, not by id"),
        ["POST /survey/{token}"] = None("answered by the customer's unguessable token, not by id"),
        ["GET /api/v1/ingest/stats"] = Refused("GET", "/api/v1/ingest/stats"),
        ["GET /n/{token}"] = None("a message's link, opened by its unguessable token, not by id; the job page behind it checks the user"),
        ["GET /api/v1/push/key"] = None("the VAPID public key"),
        ["POST /api/v1/push/subscribe"] = None("stores the caller's own browser subscription"),
        ["GET /desk/calls/new"] = None("an empty form"),
        ["POST /api/v1/calls"] = None("another company's site is refused exactly like a site that does not exist (400 \"No site … in your company\"), nothing stored: DeskWorkflowTests"),
        ["POST /desk/calls/new"] = None("the same call as POST /api/v1/calls, through the form; its site list holds only the caller's company's sites"),

        // Messages and routes are the company's: the victim's job offers, escalations and its "supervisor" route never show.
        ["GET /api/v1/notifications"] = Lists("/api/v1/notifications", "/api/v1/notifications?ticketId=1"),
        ["GET /api/v1/notifications/routes"] = Lists("/api/v1/notifications/routes", "/api/v1/notifications/routes?recipient=supervisor"),
        ["POST /api/v1/notifications/routes"] = Acts("POST", "/api/v1/notifications/routes", new { recipient = "supervisor", channel = "WeCom", address = "https://robot.acme.example/attacker" }),
        ["DELETE /api/v1/notifications/routes/{id}"] = Foreign("DELETE", $"/api/v1/notifications/routes/{_victim.Route}"),
        ["GET /desk/notifications"] = Lists("/desk/notifications"),
        ["POST /desk/notifications"] = Both(
            PageForms("/desk/notifications", "remove"),
            None("the add form: the same as POST /api/v1/notifications/routes, for the caller's own company")),

        // Lists and sums: the same answer as before the victim existed.
        ["GET /api/v1/tickets"] = Lists("/api/v1/tickets", "/api/v1/tickets?site=site-b"),
        ["GET /api/v1/exports/tickets.{format}"] = Lists("/api/v1/exports/tickets.csv", "/api/v1/exports/tickets.csv?site=site-b"),
        ["GET /api/v1/exports/kpis.{format}"] = Lists("/api/v1/exports/kpis.csv?month=2026-11", "/api/v1/exports/kpis.csv?month=2026-11&by=Company"),
        ["GET /api/v1/exports/parts.{format}"] = Lists("/api/v1/exports/parts.csv"),
        ["GET /api/v1/exports/complaints.{format}"] = Lists("/api/v1/exports/complaints.csv"),
        ["GET /api/v1/exports/revisits.{format}"] = Lists("/api/v1/exports/revisits.csv"),
        ["GET /api/v1/ingest/rejections"] = Lists("/api/v1/ingest/rejections"),
        ["GET /api/v1/technicians"] = Lists("/api/v1/technicians"),
        ["GET /api/v1/contracts"] = Lists("/api/v1/contracts", "/api/v1/contracts?siteId=site-b"),
        ["PUT /api/v1/contracts/{id}"] = Foreign("PUT", $"/api/v1/contracts/{_victim.Contract}", new { number = "X", siteId = "site-a", startsOn = "2020-01-01", endsOn = "2099-12-31", arrivalHours = 1 }),
        ["POST /api/v1/enrol"] = None("anonymous: the one-time enrolment token is the authentication (GatewayEnrolmentTests)"),

        // Administration: each admin sees and changes only their own company's set-up.
        ["GET /api/v1/admin/kpi-targets"] = Lists("/api/v1/admin/kpi-targets"),
        ["PUT /api/v1/admin/kpi-targets"] = None("writes the caller's own company's targets (KpiTargetsTests)"),
        ["DELETE /api/v1/admin/kpi-targets"] = None("clears the caller's own company's targets (KpiTargetsTests)"),
        ["GET /api/v1/admin/centres"] = Lists("/api/v1/admin/centres"),
        ["PUT /api/v1/admin/centres/{id}"] = None("creates or changes a centre of the caller's own company"),
        ["GET /api/v1/admin/sites"] = Lists("/api/v1/admin/sites"),
        ["PUT /api/v1/admin/sites/{id}"] = None("site ids are unique across companies: another company's id is refused as taken (400), nothing of it read or changed"),
        ["GET /api/v1/admin/gateways"] = Lists("/api/v1/admin/gateways"),
        ["POST /api/v1/admin/gateways"] = None("another company's site is refused as unknown (400), like one that does not exist"),
        ["POST /api/v1/admin/gateways/{id}/token"] = Foreign("POST", "/api/v1/admin/gateways/gw-b/token"),
        ["DELETE /api/v1/admin/gateways/{id}"] = Foreign("DELETE", "/api/v1/admin/gateways/gw-b"),
        ["GET /api/v1/admin/users"] = Lists("/api/v1/admin/users"),
        ["POST /api/v1/admin/users"] = None("user names are unique across companies: another company's name is refused as taken (400), nothing of it read or changed"),
        ["POST /api/v1/admin/users/{userName}/disable"] = Foreign("POST", "/api/v1/admin/users/other-dispatch/disable"),
        ["POST /api/v1/admin/users/{userName}/enable"] = Foreign("POST", "/api/v1/admin/users/other-dispatch/enable"),
        ["POST /api/v1/admin/users/{userName}/password"] = Foreign("POST", "/api/v1/admin/users/other-dispatch/password", new { password = "attacker-pass-1" }),
        ["PUT /api/v1/admin/users/{userName}/role"] = Foreign("PUT", "/api/v1/admin/users/other-dispatch/role", new { role = "customer", customer = "Jinli" }),
        ["PUT /api/v1/admin/users/{userName}/culture"] = Foreign("PUT", "/api/v1/admin/users/other-dispatch/culture", new { culture = "en" }),
        ["GET /admin/users"] = Lists("/admin/users"),
        ["POST /admin/users"] = Both(
            PageForms("/admin/users", "disable", "enable", "password", "role"),
            None("the create form: the same as POST /api/v1/admin/users")),
        ["GET /api/v1/admin/technicians"] = Lists("/api/v1/admin/technicians"),
        ["PUT /api/v1/admin/technicians/{id}"] = None("technician ids are unique across companies: another company's id is refused as taken (400), nothing of it read or changed (TechnicianAdminTests)"),
        ["GET /api/v1/admin/roster"] = Lists("/api/v1/admin/roster", "/api/v1/admin/roster?week=2026-11-16"),
        ["POST /api/v1/admin/roster"] = None("another company's technician is refused as unknown (400), like one that does not exist (TechnicianAdminTests)"),
        ["DELETE /api/v1/admin/roster/{id}"] = Foreign("DELETE", $"/api/v1/admin/roster/{_victim.Shift}"),
        ["GET /admin/technicians"] = Lists("/admin/technicians", "/admin/technicians?edit=zhou"),
        ["POST /admin/technicians"] = None("the same writes as PUT /api/v1/admin/technicians/{id}, checked there"),
        ["GET /admin/roster"] = Lists("/admin/roster", "/admin/roster?week=2026-11-16"),
        ["POST /admin/roster"] = Both(
            PageForms("/admin/roster", "remove"),
            None("the add form: the same as POST /api/v1/admin/roster")),
        ["GET /api/v1/admin/zones"] = Lists("/api/v1/admin/zones"),
        ["GET /api/v1/admin/zones/preview"] = Lists("/api/v1/admin/zones/preview?latitude=30.65&longitude=104.06"),
        ["PUT /api/v1/admin/centres/{id}/zones"] = Foreign("PUT", "/api/v1/admin/centres/centre-b/zones", VictimZones()),
        ["DELETE /api/v1/admin/centres/{id}/zones"] = Foreign("DELETE", "/api/v1/admin/centres/centre-b/zones"),
        ["GET /admin/zones"] = Lists("/admin/zones"),
        ["POST /admin/zones"] = Both(
            PageForms("/admin/zones", "remove", "upload"),
            None("the preview form: the same as GET /api/v1/admin/zones/preview")),
        ["GET /admin"] = Lists("/admin"),
        ["GET /admin/sites"] = Lists("/admin/sites"),
        ["GET /admin/gateways"] = Lists("/admin/gateways"),
        ["GET /admin/targets"] = Lists("/admin/targets"),
        ["POST /admin"] = None("the same writes as PUT /api/v1/admin/centres, for the caller's own company"),
        ["POST /admin/sites"] = None("the same writes as PUT /api/v1/admin/sites, checked there"),
        ["POST /admin/gateways"] = None("the same writes as POST /api/v1/admin/gateways, checked there"),
        ["POST /admin/targets"] = None("the same writes as PUT /api/v1/admin/kpi-targets"),
        ["GET /api/v1/reports/runs"] = Lists("/api/v1/reports/runs"),
        ["GET /api/v1/reports/quarterly"] = Both(
            Lists($"/api/v1/reports/quarterly?customer=Jinli&quarter=2026-Q4"),
            Foreign("GET", "/api/v1/reports/quarterly?customer=Victim%20Only&quarter=2026-Q4")),
        ["GET /api/v1/kpis"] = Lists($"/api/v1/kpis?month={Month}", $"/api/v1/kpis?month={Month}&by=Site", $"/api/v1/kpis?month={Month}&by=Technician"),
        ["GET /api/v1/kpis/complaints"] = Lists($"/api/v1/kpis/complaints?month={Month}"),
        ["GET /api/v1/kpis/satisfaction"] = Lists($"/api/v1/kpis/satisfaction?lastMonth={Month}"),
        ["GET /api/v1/inspections"] = Lists($"/api/v1/inspections?month={Month}", $"/api/v1/inspections?month={Month}&technicianId=zhou"),
        ["GET /api/v1/parts/stock"] = Lists("/api/v1/parts/stock"),
        ["GET /api/v1/apikeys"] = Lists("/api/v1/apikeys"),
        ["GET /desk"] = Lists("/desk", "/desk?site=site-b"),
        ["GET /jobs"] = Lists("/jobs"),
        ["GET /tickets"] = Lists("/tickets"),
        ["GET /reports"] = Lists("/reports"),
        ["GET /kpis"] = Lists("/kpis", $"/kpis?month={Month}"),
        ["GET /inspections"] = Lists("/inspections"),
        ["GET /portal"] = Lists("/portal"),
        ["GET /desk/revisits"] = Lists("/desk/revisits", "/desk/revisits?show=Due", "/desk/revisits?show=Overdue"),
        ["POST /desk/revisits"] = Clean("POST", "/desk/revisits"),
        ["GET /desk/complaints"] = Lists("/desk/complaints"),
        ["POST /desk/complaints"] = PageForms("/desk/complaints", "answer", "classify"),
        ["GET /desk/revisits/{id}"] = Foreign("GET", $"/desk/revisits/{_victim.Revisit}"),
        ["POST /desk/revisits/{id}"] = PageForms($"/desk/revisits/{_victim.Revisit}", "record"),
        ["GET /jobs/findings"] = Lists("/jobs/findings"),
        ["POST /jobs/findings"] = PageForms("/jobs/findings", "acknowledge"),
        ["GET /portal/report"] = Lists("/portal/report", "/portal/report?site=site-b"),
        ["GET /portal/complaint"] = Lists("/portal/complaint", "/portal/complaint?site=site-b"),
        ["POST /portal"] = Clean("POST", "/portal"),
        ["POST /portal/report"] = None("a site of another company (even of a customer with the same name) is refused like an unknown one, nothing stored: PortalTests"),
        ["POST /portal/complaint"] = None("a site of another company or customer is refused, nothing stored: PortalTests"),
        ["GET /portal/jobs/{id}/jobsheet.pdf"] = Foreign("GET", $"/portal/jobs/{_victim.Ticket}/jobsheet.pdf"),

        // Page forms without a handler of their own: nothing of the victim's comes back.
        ["POST /desk"] = PageForms("/desk", "retrytimer"),
        ["POST /jobs"] = Clean("POST", "/jobs"),
        ["POST /tickets"] = Clean("POST", "/tickets"),
        ["POST /reports"] = Clean("POST", "/reports"),
        ["POST /kpis"] = Clean("POST", "/kpis"),
        ["POST /inspections"] = Clean("POST", "/inspections"),

        // The victim's ids: 404.
        ["GET /api/v1/tickets/{id}"] = Foreign("GET", $"/api/v1/tickets/{_victim.Ticket}"),
        ["GET /api/v1/tickets/{id}/audit"] = Foreign("GET", $"/api/v1/tickets/{_victim.Ticket}/audit"),
        ["GET /api/v1/tickets/{id}/occurrences"] = Foreign("GET", $"/api/v1/tickets/{_victim.Ticket}/occurrences"),
        ["GET /api/v1/tickets/{id}/jobsheet.pdf"] = Foreign("GET", $"/api/v1/tickets/{_victim.Ticket}/jobsheet.pdf"),
        ["POST /api/v1/tickets/{id}/accept"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/accept"),
        ["POST /api/v1/tickets/{id}/depart"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/depart"),
        ["POST /api/v1/tickets/{id}/arrive"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/arrive", new { latitude = 30.65, longitude = 104.06 }),
        ["POST /api/v1/tickets/{id}/notes"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/notes", new { text = "x" }),
        ["POST /api/v1/tickets/{id}/parts"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/parts", new { part = "x", quantity = 1 }),
        ["POST /api/v1/tickets/{id}/resolve"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/resolve", new { resolution = "x" }),
        ["POST /api/v1/tickets/{id}/signature"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/signature", new { signerName = "x", png = "iVBORw0KGgo=" }),
        ["POST /api/v1/tickets/{id}/close"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/close"),
        ["POST /api/v1/tickets/{id}/assign"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/assign", new { technicianId = "li" }),
        ["POST /api/v1/tickets/{id}/deadline"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/deadline", new { arrivalHours = 1 }),
        ["POST /api/v1/tickets/{id}/pause"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/pause", new { reason = "x" }),
        ["POST /api/v1/tickets/{id}/resume"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/resume"),
        ["POST /api/v1/tickets/{id}/cancel"] = Foreign("POST", $"/api/v1/tickets/{_victim.Ticket}/cancel", new { reason = "x" }),
        ["POST /api/v1/contracts"] = Foreign("POST", "/api/v1/contracts", new { number = "ATTACK-1", siteId = "site-b", startsOn = "2020-01-01", endsOn = "2099-12-31", contactEmails = "attacker@acme.example" }),
        ["POST /api/v1/reports/monthly/{siteId}"] = Foreign("POST", $"/api/v1/reports/monthly/site-b?month={Month}&mail=true"),
        ["GET /reports/{siteId}/{month}"] = Both(Foreign("GET", $"/reports/site-b/{Month}"), Foreign("GET", $"/reports/site-b/{Month}.pdf")),
        ["POST /api/v1/complaints"] = Foreign("POST", "/api/v1/complaints", new { siteId = "site-b", summary = "x", cause = (int)ComplaintCause.Attitude, serviceAtFault = true }),
        ["POST /api/v1/complaints/{number}"] = Foreign("POST", $"/api/v1/complaints/{_victim.Complaint}", new { answered = true, fix = "attacker's fix", cause = (int)ComplaintCause.Attitude, serviceAtFault = true }),
        ["POST /api/v1/surveys"] = Foreign("POST", "/api/v1/surveys", new { siteId = "site-b" }),
        ["POST /api/v1/revisits/{id}"] = Foreign("POST", $"/api/v1/revisits/{_victim.Revisit}", new { finding = "attacker" }),
        ["POST /api/v1/parts/moves"] = Foreign("POST", "/api/v1/parts/moves", new { kind = (int)PartMoveKind.Transfer, partNumber = "SECRET-PART", quantity = 1, from = "warehouse:b", to = "van:zhou" }),
        ["POST /api/v1/apikeys/{id}/revoke"] = Foreign("POST", $"/api/v1/apikeys/{_victim.ApiKey}/revoke"),
        ["PUT /api/v1/sites/{siteId}/config"] = Foreign("PUT", "/api/v1/sites/site-b/config", VictimConfig(version: 99, device: "attacker-cam")),
        ["GET /api/v1/sites/{siteId}/config"] = Foreign("GET", "/api/v1/sites/site-b/config"),
        ["GET /api/v1/sites/{siteId}/inventory"] = Foreign("GET", "/api/v1/sites/site-b/inventory"),
        ["PUT /api/v1/sites/{siteId}/inventory/{deviceId}/warranty"] = Foreign("PUT", "/api/v1/sites/site-b/inventory/secret-cam/warranty", new { warrantyUntil = "2030-01-01" }),
        ["GET /desk/{id}"] = Foreign("GET", $"/desk/{_victim.Ticket}"),
        ["POST /desk/{id}"] = PageForms($"/desk/{_victim.Ticket}", "assign", "deadline", "pause", "resume", "cancel"),
        ["GET /jobs/{id}"] = Foreign("GET", $"/jobs/{_victim.Ticket}"),
        ["POST /jobs/{id}"] = PageForms($"/jobs/{_victim.Ticket}", "accept", "depart", "arrive", "part", "resolve", "sign", "close", "note"),
        ["GET /inspections/{id}"] = Foreign("GET", $"/inspections/{_victim.Inspection}"),
        ["POST /inspections/{id}"] = PageForms($"/inspections/{_victim.Inspection}", "record", "complete", "sign"),
        ["GET /inspections/{id}/sheet.pdf"] = Foreign("GET", $"/inspections/{_victim.Inspection}/sheet.pdf"),
        ["GET /portal/inspections/{id}/sheet.pdf"] = Foreign("GET", $"/portal/inspections/{_victim.Inspection}/sheet.pdf"),

        // Duties over "everything": the caller's company only.
        ["POST /api/v1/inspections/plan"] = Acts("POST", $"/api/v1/inspections/plan?month={Month}"),
        ["POST /api/v1/revisits/plan"] = Acts("POST", $"/api/v1/revisits/plan?month={Month}-01"),
        ["POST /api/v1/apikeys"] = Acts("POST", "/api/v1/apikeys", new { name = "attacker's script", role = "admin" }),
        ["POST /api/v1/reports/monthly"] = Acts("POST", $"/api/v1/reports/monthly?month={Month}&force=true"),
    };

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings
        {
            Time = _time,
            Extra =
            [
                "Seed:Sites:4:Id=site-b2", "Seed:Sites:4:Name=Other company's second site", "Seed:Sites:4:Customer=Victim Only Ltd",
                "Seed:Sites:4:TenantId=other", "Seed:Sites:4:Latitude=30.64", "Seed:Sites:4:Longitude=104.05",
                "Mail:Host=127.0.0.1", "Mail:Port=1", // mail is queued, never sent: the test reads the queue
                "Feedback:SupervisorEmails:0=supervisor@default.example",
            ],
        });
        foreach (var user in Attackers.Append("other-dispatch"))
        {
            _clients[user] = await _host.ClientAsync(user);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EveryRoute_AnotherCompanysData_IsNotFoundAndNeverListedSummedOrMailed()
    {
        // The attackers' answers before the victim had any data…
        var before = await SnapshotAsync();
        _victim = await CreateVictimAsync();

        // …are their answers after: nothing of the victim's is listed or counted.
        var after = await SnapshotAsync();
        var failures = before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key} changed once another company had data:\n  before: {Clip(b.Value)}\n  after:  {Clip(after[b.Key])}").ToList();

        var probes = Probes();
        var routes = Routes();
        failures.AddRange(routes.Where(r => !probes.ContainsKey(r)).Select(r => $"{r}: no tenant probe — add one to {nameof(TenantIsolationTests)}.{nameof(Probes)}"));
        failures.AddRange(probes.Keys.Where(k => !routes.Contains(k)).Select(k => $"{k}: probed but not a route any more"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        var mailsBefore = await QueuedMailAsync();
        foreach (var (route, probe) in probes)
        {
            try
            {
                await probe();
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidOperationException)
            {
                failures.Add($"{route}: {ex.Message}");
            }
        }

        failures.AddRange(await VictimUntouchedAsync());
        var mails = (await QueuedMailAsync()).Skip(mailsBefore.Count);
        failures.AddRange(mails.Where(m => Markers.Any(m.Contains)).Select(m => $"a mail about the victim was queued: {Clip(m)}"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(_listsCompared > 40 && _foreignTried > 60, $"only {_listsCompared} lists and {_foreignTried} foreign ids tried");
    }

    private int _listsCompared;
    private int _foreignTried;
    private readonly List<string> _listPaths = [];

    private static Func<Task> None(string why)
    {
        Assert.False(string.IsNullOrWhiteSpace(why));
        return () => Task.CompletedTask;
    }

    private static Func<Task> Both(Func<Task> first, Func<Task> second) => async () =>
    {
        await first();
        await second();
    };

    /// <summary>Compared in <see cref="SnapshotAsync"/>; here only registered, and checked for the victim's text once more.</summary>
    private Func<Task> Lists(params string[] paths)
    {
        _listPaths.AddRange(paths.Where(p => !_listPaths.Contains(p)));
        return async () =>
        {
            foreach (var path in paths)
            {
                await Clean("GET", path)();
            }
        };
    }

    private Func<Task> Clean(string method, string path) => async () =>
    {
        var answered = 0;
        foreach (var user in Attackers)
        {
            var (status, body) = await SendAsync(user, method, path, null);
            Assert.True((int)status < 500, $"{method} {path} as {user}: {(int)status} {Clip(body)}");
            answered += (int)status < 300 ? 1 : 0;

            // The language switcher echoes the caller's own address (return URL): the attacker's input, not the victim's data.
            body = body.Replace($"value=\"{System.Net.WebUtility.HtmlEncode(path)}\"", string.Empty, StringComparison.Ordinal);
            if ((int)status < 300 && Markers.FirstOrDefault(body.Contains) is { } marker)
            {
                throw new InvalidOperationException($"{method} {path} as {user} shows the victim's '{marker}'");
            }
        }

        // A list nobody may read proves nothing: some attacker's role must get an answer to look into.
        Assert.True(method != "GET" || answered > 0, $"{method} {path}: no attacker got an answer to check");
    };

    /// <summary>Refused to every attacker: a route for the deployment's operator only.</summary>
    private Func<Task> Refused(string method, string path) => async () =>
    {
        foreach (var user in Attackers)
        {
            var (status, _) = await SendAsync(user, method, path, null);
            Assert.True(status is HttpStatusCode.Forbidden, $"{method} {path} as {user}: {(int)status}");
        }
    };

    /// <summary>The victim's id: 404 for every attacker the route's role admits (403 for the others), never an answer.</summary>
    private Func<Task> Foreign(string method, string path, object? body = null) => async () =>
    {
        var notFound = 0;
        foreach (var user in Attackers)
        {
            var (status, text) = await SendAsync(user, method, path, body);
            _foreignTried++;
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path} as {user}: {(int)status} {Clip(text)}");
            notFound += status == HttpStatusCode.NotFound ? 1 : 0;
        }

        Assert.True(notFound > 0, $"{method} {path}: every attacker was refused by role, so the tenant check was never reached");
    };

    /// <summary>A page's forms posted with a valid anti-forgery token against the victim's id: 404 each.</summary>
    private Func<Task> PageForms(string path, params string[] handlers) => async () =>
    {
        foreach (var handler in handlers)
        {
            var notFound = 0;
            foreach (var user in Attackers)
            {
                var token = await FormTokenAsync(user);
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["technicianId"] = "li", ["arrivalHours"] = "1", ["reason"] = "x", ["part"] = "x",
                    ["quantity"] = "1", ["resolution"] = "x", ["signerName"] = "x", ["png"] = "iVBORw0KGgo=", ["text"] = "x",
                    ["itemId"] = "1", ["result"] = "Pass", ["revisitId"] = _victim.Revisit.ToString(CultureInfo.InvariantCulture), ["number"] = _victim.Complaint, ["fix"] = "attacker's fix", ["remarks"] = "x", ["userName"] = "other-dispatch", ["shiftId"] = _victim.Shift.ToString(CultureInfo.InvariantCulture), ["centreId"] = "centre-b", ["geoJson"] = JsonSerializer.Serialize(VictimZones()), ["role"] = "customer", ["customer"] = "Jinli", ["cause"] = "Attitude", ["serviceAtFault"] = "true", ["id"] = _victim.Route.ToString(CultureInfo.InvariantCulture), ["timerId"] = _victim.StuckTimer.ToString(CultureInfo.InvariantCulture),
                });
                using var response = await _clients[user].PostAsync(new Uri($"{path}?handler={handler}", UriKind.Relative), form);
                _foreignTried++;
                var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/signin", StringComparison.Ordinal));
                Assert.True(refused, $"POST {path}?handler={handler} as {user}: {(int)response.StatusCode} {response.Headers.Location}");
                notFound += response.StatusCode == HttpStatusCode.NotFound ? 1 : 0;
            }

            Assert.True(notFound > 0, $"POST {path}?handler={handler}: no attacker reached the tenant check");
        }
    };

    /// <summary>A duty over all records: run by every attacker, it must leave the victim's records alone (<see cref="VictimUntouchedAsync"/>).</summary>
    private Func<Task> Acts(string method, string path, object? request = null) => async () =>
    {
        foreach (var user in Attackers)
        {
            var (status, body) = await SendAsync(user, method, path, request);
            Assert.True((int)status < 300 || status == HttpStatusCode.Forbidden, $"{method} {path} as {user}: {(int)status} {Clip(body)}");
        }

        await ReportRunsSettledAsync();
    };

    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        // The list paths are registered when the probes are built.
        if (_listPaths.Count == 0)
        {
            _victim = Victim.Placeholder;
            Probes();
        }

        var answers = new Dictionary<string, string>();
        foreach (var path in _listPaths)
        {
            foreach (var user in Attackers)
            {
                var (status, body) = await SendAsync(user, "GET", path, null);
                answers[$"GET {path} as {user}"] = $"{(int)status} {Normalise(body)}";
                _listsCompared++;
            }
        }

        return answers;
    }

    /// <summary>What the victim has: a ticket worked to repaired, a contract, a config, an inspection, a complaint, an answered survey, a revisit, a report, parts, a refused message.</summary>
    private async Task<Victim> CreateVictimAsync()
    {
        var victim = _clients["other-dispatch"];
        await RaiseAsync("site-b", "gw-b", "secret-cam");
        var ticket = (await GetJsonAsync(victim, "/api/v1/tickets?site=site-b")).EnumerateArray().Single().GetProperty("id").GetInt64();
        var contract = (await GetJsonAsync(await Ok(victim.PostAsJsonAsync("/api/v1/contracts", new { number = "SECRET-B-1", siteId = "site-b", startsOn = "2020-01-01", endsOn = "2099-12-31", contactEmails = "boss@other.example", contactName = "SECRET boss" })))).GetProperty("id").GetInt64();
        await Ok(victim.PutAsJsonAsync("/api/v1/sites/site-b/config", VictimConfig(version: 1, device: "secret-cam")));
        await Ok(victim.PostAsync(new Uri($"/api/v1/inspections/plan?month={Month}", UriKind.Relative), null));
        var inspection = (await GetJsonAsync(victim, $"/api/v1/inspections?month={Month}")).EnumerateArray().Single().GetProperty("id").GetInt64();
        await SignVictimInspectionAsync(inspection);
        var route = (await GetJsonAsync(await Ok(victim.PostAsJsonAsync("/api/v1/notifications/routes", new { recipient = "supervisor", channel = "WeCom", address = "https://robot.other.example/SECRET" })))).GetProperty("id").GetInt64();

        // A repair this month, so a revisit plan has something of the victim's to (not) plan.
        await Ok(victim.PostAsJsonAsync($"/api/v1/tickets/{ticket}/assign", new { technicianId = "zhou" }));
        await Ok(victim.PostAsync(new Uri($"/api/v1/tickets/{ticket}/accept", UriKind.Relative), null));
        await Ok(victim.PostAsJsonAsync($"/api/v1/tickets/{ticket}/arrive", new { latitude = 30.65, longitude = 104.06 }));
        await Ok(victim.PostAsJsonAsync($"/api/v1/tickets/{ticket}/resolve", new { resolution = "SECRET fix", tests = AfterSales.Cloud.Jobs.RepairTestRules.For(DeviceKind.Camera) }));

        var complaint = (await GetJsonAsync(await Ok(victim.PostAsJsonAsync("/api/v1/complaints", new { siteId = "site-b", summary = "SECRET complaint", cause = (int)ComplaintCause.Attitude, serviceAtFault = true, technicianId = "zhou" }))))
            .GetProperty("number").GetString()!;
        var survey = (await GetJsonAsync(await Ok(victim.PostAsJsonAsync("/api/v1/surveys", new { siteId = "site-b", technicianId = "zhou" })))).GetProperty("id").GetInt64();
        await using (var tokens = await Db().CreateDbContextAsync())
        {
            await AnswerSurveyAsync(await tokens.Set<Survey>().Where(s => s.Id == survey).Select(s => s.Token).SingleAsync()); // the customer's link
        }

        await Ok(victim.PostAsync(new Uri($"/api/v1/reports/monthly/site-b?month={Month}", UriKind.Relative), null));
        await Ok(victim.PostAsJsonAsync("/api/v1/parts/moves", new { kind = (int)PartMoveKind.Receive, partNumber = "SECRET-PART", quantity = 5, from = "supplier", to = "warehouse:b" }));
        await Ok(victim.PostAsJsonAsync("/api/v1/parts/moves", new { kind = (int)PartMoveKind.Transfer, partNumber = "SECRET-PART", quantity = 2, from = "warehouse:b", to = "van:zhou" }));

        // Planned revisits, a report run with an error, a refused message: written as the services would.
        await using var db = await Db().CreateDbContextAsync();
        var revisit = Revisit.Plan(ticket, "site-b", RevisitRole.Supervisor, _time.GetUtcNow().AddDays(7));
        db.Add(revisit);
        var stuck = new Tickets.Timers.DeskTimer { TicketId = ticket, Kind = Tickets.Timers.TimerKind.Arrival, Percent = 50, DueAt = _time.GetUtcNow(), Failures = 5, LastError = "SECRET failure", QuarantinedAt = _time.GetUtcNow() };
        db.Add(stuck);
        db.Add(new ReportRun { TenantId = "other", Kind = ReportKinds.Monthly, Period = new DateOnly(2026, 8, 1), StartedAt = _time.GetUtcNow(), HeartbeatAt = _time.GetUtcNow(), Total = 1, Failed = 1, LastError = "site-b: SECRET" });
        db.Add(new RejectedMessage { Topic = MqttTopics.Events("site-b"), Reason = "schema", ReceivedAt = _time.GetUtcNow(), PayloadExcerpt = "SECRET payload" });
        await db.SaveChangesAsync();

        db.Add(new Sites.CentreZone { CentreId = "centre-b", Zone = "SECRET-zone", Label = "SECRET ring", ArrivalHours = 1, GeoJson = "{\"type\":\"Polygon\",\"coordinates\":[[[104.0,30.6],[104.1,30.6],[104.1,30.7],[104.0,30.6]]]}", UploadedAt = _time.GetUtcNow() });
        var shift = new Dispatch.DutyShift { TechnicianId = "zhou", Start = _time.GetUtcNow().AddHours(2), End = _time.GetUtcNow().AddHours(6), Kind = "holiday" };
        db.Add(shift);
        await db.SaveChangesAsync();

        var apiKey = (await _host.App.Services.GetRequiredService<Auth.ApiKeyStore>().CreateAsync("other", "SECRET nightly export", "dispatcher", "other-admin", default)).Info.Id;

        // The contract of the victim's second site arrives after its plan: an attacker's plan must not plan it.
        await Ok(victim.PostAsJsonAsync("/api/v1/contracts", new { number = "SECRET-B-2", siteId = "site-b2", startsOn = "2020-01-01", endsOn = "2099-12-31", contactEmails = "boss@other.example" }));
        return new Victim(ticket, inspection, complaint, revisit.Id, stuck.Id, apiKey, contract, shift.Id, route, await VictimStateAsync());
    }

    /// <summary>The victim's records after every probe are as they were before it.</summary>
    private async Task<IEnumerable<string>> VictimUntouchedAsync()
    {
        var now = await VictimStateAsync();
        return now == _victim.State ? [] : [$"the victim's records changed:\n  before: {_victim.State}\n  after:  {now}"];
    }

    private async Task<string> VictimStateAsync()
    {
        await using var db = await Db().CreateDbContextAsync();
        var tickets = await db.Set<Tickets.Ticket>().AsNoTracking().Where(t => t.SiteId.StartsWith("site-b")).OrderBy(t => t.Id).Select(t => new { t.Id, t.Status, t.TechnicianId }).ToListAsync();
        var contracts = await db.Set<Contracts.MaintenanceContract>().AsNoTracking().Where(c => c.SiteId.StartsWith("site-b")).OrderBy(c => c.Id).Select(c => c.Number + "/" + c.ContactEmails).ToListAsync();
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.SiteId.StartsWith("site-b")).Select(c => c.Number + "/" + c.AnsweredAt + "/" + c.ResolvedAt + "/" + c.Cause + "/" + c.ServiceAtFault + "/" + c.ClassifiedBy).ToListAsync();
        var surveys = await db.Set<Survey>().AsNoTracking().CountAsync(s => s.SiteId.StartsWith("site-b"));
        var revisits = await db.Set<Revisit>().AsNoTracking().Where(r => r.SiteId.StartsWith("site-b")).Select(r => r.Id + "/" + r.DoneAt + "/" + r.Finding).ToListAsync();
        var inspections = await db.Set<Inspections.InspectionJob>().AsNoTracking().Where(j => j.SiteId.StartsWith("site-b")).Select(j => j.Id + "/" + j.SiteId + "/" + j.TechnicianId + "/" + j.CompletedAt + "/" + j.SignerName + "/" + j.SignedAt).ToListAsync();
        var reports = await db.Set<ArchivedReport>().AsNoTracking().Where(a => a.SiteId.StartsWith("site-b")).Select(a => a.SiteId + "/" + a.GeneratedAt + "/" + a.EmailedTo).ToListAsync();
        var runs = await db.Set<ReportRun>().AsNoTracking().Where(r => r.TenantId == "other").Select(r => r.Id + "/" + r.StartedAt).ToListAsync();
        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId.StartsWith("site-b")).Select(d => d.DeviceId + "/" + d.WarrantyUntil).ToListAsync();
        var config = await db.Set<SiteInventoryState>().AsNoTracking().Where(s => s.SiteId.StartsWith("site-b")).Select(s => s.SiteId + "/" + s.ConfigVersion).ToListAsync();
        var parts = await db.Set<PartMove>().AsNoTracking().Where(m => m.TenantId == "other" || m.PartNumber == "SECRET-PART" || m.To == "van:zhou").Select(m => m.Id + "/" + m.TenantId + "/" + m.To).ToListAsync();
        var work = await db.Set<Tickets.Work.PartUsed>().AsNoTracking().CountAsync();
        var timers = await db.Set<Tickets.Timers.DeskTimer>().AsNoTracking().Where(t => t.QuarantinedAt != null).Select(t => t.Id + "/" + t.Failures).ToListAsync();
        var keys = await db.Set<Auth.ApiKey>().AsNoTracking().Where(k => k.TenantId == "other").Select(k => k.Id + "/" + k.Name + "/" + k.RevokedAt).ToListAsync();
        var users = await db.Set<Auth.UserAccount>().AsNoTracking().Where(u => u.TenantId == "other").Select(u => u.UserName + "/" + u.Role + "/" + u.Disabled + "/" + u.SecurityStamp + "/" + u.Culture).ToListAsync();
        var technicians = await db.Set<Dispatch.Technician>().AsNoTracking().Where(t => t.TenantId == "other").Select(t => t.Id + "/" + t.Name + "/" + t.Skills + "/" + t.Active + "/" + t.HomeCentreId).ToListAsync();
        var shifts = await db.Set<Dispatch.DutyShift>().AsNoTracking().Where(s => s.TechnicianId == "zhou").OrderBy(s => s.Id).Select(s => s.Id + "/" + s.Kind).ToListAsync();
        var zones = await db.Set<Sites.CentreZone>().AsNoTracking().Where(z => z.CentreId == "centre-b").Select(z => z.Id + "/" + z.Zone).ToListAsync();
        var routes = await db.Set<AfterSales.Cloud.Notifications.NotificationRoute>().AsNoTracking().Where(r => r.TenantId == "other").Select(r => r.Id + "/" + r.Recipient + "/" + r.Channel + "/" + r.Address).ToListAsync();
        return JsonSerializer.Serialize(new { tickets, contracts, complaints, surveys, revisits, inspections, reports, runs, devices, config, parts, work, timers, keys, users, technicians, shifts, zones, routes });
    }

    private async Task<List<string>> QueuedMailAsync()
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.Set<QueuedMail>().AsNoTracking().OrderBy(m => m.Id).Select(m => m.To + " " + m.Subject + " " + m.TextBody + " " + m.HtmlBody).ToListAsync();
    }

    /// <summary>A monthly run goes on in the background; the victim's records are compared once every run of the attackers is done.</summary>
    private async Task ReportRunsSettledAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!deadline.IsCancellationRequested)
        {
            await using var db = await Db().CreateDbContextAsync();
            if (!await db.Set<ReportRun>().AnyAsync(r => r.FinishedAt == null && r.Failed == 0 && r.TenantId == "acme"))
            {
                return;
            }

            await Task.Yield();
        }
    }

    private async Task<string> FormTokenAsync(string user)
    {
        using var response = await _clients[user].GetAsync(new Uri("/signin", UriKind.Relative));
        return TokenPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private async Task AnswerSurveyAsync(string token)
    {
        using var anonymous = _host.AnonymousClient(new CookieContainer());
        var page = await anonymous.GetStringAsync(new Uri($"/survey/{token}", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value, ["attitude"] = "4", ["skill"] = "4", ["arrival"] = "4", ["promises"] = "4", ["comment"] = "SECRET praise",
        });
        await Ok(anonymous.PostAsync(new Uri($"/survey/{token}", UriKind.Relative), form));
    }

    private async Task RaiseAsync(string site, string gateway, string device)
    {
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(), SiteId = site, GatewayId = gateway, Seq = 1, DeviceId = device,
            DeviceKind = DeviceKind.Camera, Fault = FaultCodes.CameraOffline, State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = _time.GetUtcNow(),
        };
        await _host.App.Services.GetRequiredService<IngestPipeline>().HandleAsync(MqttTopics.Events(site), PayloadCodec.Encode(e), default);
    }

    /// <summary>A zone file as an attacker would upload over the victim's centre; the victim's own zone is "SECRET-zone".</summary>
    private static object VictimZones() => new
    {
        type = "FeatureCollection",
        features = new[]
        {
            new
            {
                type = "Feature",
                properties = new { zone = "attack", arrivalHours = 1 },
                geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 104.0, 30.6 }, new[] { 104.1, 30.6 }, new[] { 104.1, 30.7 }, new[] { 104.0, 30.6 } } } },
            },
        },
    };

    private object VictimConfig(int version, string device) => new
    {
        schema = "aftersales.config/1", siteId = "site-b", version, issuedAt = _time.GetUtcNow(),
        devices = new[] { new { deviceId = device, deviceKind = "camera", name = "SECRET camera" } },
        checks = new { heartbeatIntervalS = 30 },
    };

    private HashSet<string> Routes()
    {
        var sources = _host.App.Services.GetRequiredService<EndpointDataSource>();
        return [.. sources.Endpoints.OfType<RouteEndpoint>().SelectMany(e =>
            (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(m => $"{m} /{ConstraintPattern().Replace(e.RoutePattern.RawText ?? string.Empty, "{$1}").Trim('/')}"))];
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string user, string method, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = body is null ? new StringContent("{}", Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        using var response = await _clients[user].SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = response.Content.Headers.ContentType?.MediaType == "application/pdf" ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        return (response.StatusCode, text);
    }

    private IDbContextFactory<CloudDb> Db() => _host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        return doc.RootElement.Clone();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.BadRequest, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Takes out what differs between two identical answers: anti-forgery tokens, and a PDF's creation stamps and id.</summary>
    private static string Normalise(string body) => VolatilePattern().Replace(body, "…");

    private static string Clip(string s) => s.Length > 300 ? s[..300] + "…" : s;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("(value=\"CfDJ8[^\"]+\")|(/(CreationDate|ModDate) ?\\([^)]*\\))|(/ID ?\\[[^\\]]*\\])")]
    private static partial Regex VolatilePattern();

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[a-z]+)?\}")]
    private static partial Regex ConstraintPattern();

    /// <summary>The victim's sheet worked, completed and signed by its customer, so its record is there to (not) download.</summary>
    private async Task SignVictimInspectionAsync(long id)
    {
        var desk = _host.App.Services.GetRequiredService<Inspections.InspectionService>();
        var sheet = await desk.FindAsync("other", id, default) ?? throw new InvalidOperationException("the victim's sheet is missing");
        foreach (var item in sheet.Items)
        {
            await desk.RecordAsync(id, item.Id, Inspections.ItemResult.Pass, null, default);
        }

        await desk.CompleteAsync(id, "SECRET remarks", default, new Inspections.InspectionSignOff("Victim Only signer", [0x89, 0x50, 0x4E, 0x47], "zhou"));
    }

    private sealed record Victim(long Ticket, long Inspection, string Complaint, long Revisit, long StuckTimer, long ApiKey, long Contract, long Shift, long Route, string State)
    {
        public static readonly Victim Placeholder = new(0, 0, "none", 0, 0, 0, 0, 0, 0, string.Empty);
    }
}
