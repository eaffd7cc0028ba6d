using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Cloud.Ingest;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// Every page and API route, enumerated from the running app, tried by every role that must not
/// reach it. A new route without a rule here fails the test, so nothing is added unguarded.
/// </summary>
public sealed partial class AccessTests : IAsyncLifetime
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Staff = ["admin", "dispatcher"];
    private static readonly string[] Field = ["admin", "dispatcher", "technician"];
    private static readonly string[] SignedIn = ["admin", "dispatcher", "technician", "customer"];
    private static readonly string[] Roles = [Anonymous, .. SignedIn];
    private static readonly Dictionary<string, string?> UserOf = new()
    {
        [Anonymous] = null, ["admin"] = "admin", ["dispatcher"] = "dispatch", ["technician"] = "li", ["customer"] = "jinli",
    };

    /// <summary>The access specification: route pattern → roles allowed (null: open to anyone).</summary>
    private static readonly (Regex Route, string[]? Allowed)[] Rules =
    [
        (Rx("^/(healthz|signin|signout|culture)?$"), null),
        (Rx("^/(healthz/(live|ready)|metrics)$"), null), // probes and the Prometheus scrape (docs/operations.md)
        (Rx("^/api/v1/config-signing-key$"), null), // the public half of the key gateways check site configs with (docs/security.md)
        (Rx("^/api/v1/enrol$"), null), // a gateway's one-time token is its authentication (docs/gateway.md, "Enrolment")
        (Rx("^/openapi/"), SignedIn),
        (Rx("^/api/v1/apikeys(/|$)"), ["admin"]),
        (Rx("^/api/v1/ingest/stats$"), []), // the operator only: admins of the default company, none here (docs/security.md)
        (Rx("^/api/v1/admin/"), ["admin"]),
        (Rx("^/admin(/|$)"), ["admin"]),
        (Rx("^/api/v1/ingest/"), Staff),
        (Rx("^/api/v1/exports/"), Staff),
        (Rx("^/api/v1/technicians$"), Staff),
        (Rx("^/api/v1/tickets/{id}/(assign|deadline|pause|resume|cancel)$"), Staff),
        (Rx("^/api/v1/tickets/{id}/(accept|depart|arrive|notes|parts|resolve|signature|close|jobsheet\\.pdf)$"), Field),
        (Rx("^/api/v1/tickets(/{id}(/(audit|occurrences))?)?$"), SignedIn),
        (Rx("^/desk(/{id})?$"), Staff),
        (Rx("^/desk/revisits(/{id})?$"), Staff), // revisits as work (docs/people.md)
        (Rx("^/desk/complaints$"), Staff),
        (Rx("^/jobs/findings$"), ["technician"]), // revisit findings about the technician's own jobs
        (Rx("^/jobs(/{id})?$"), ["technician"]),
        (Rx("^/tickets$"), ["admin", "dispatcher", "customer"]),
        (Rx("^/portal(/(report|complaint|jobs/{id}/jobsheet\\.pdf|inspections/{id}/sheet\\.pdf))?$"), ["customer"]), // the customer portal (docs/people.md)
        (Rx("^/survey/{token}$"), null),
        (Rx("^/n/{token}$"), null), // the link in a job notice: records "opened", leads to a page that checks access (docs/security.md)
        (Rx("^/api/v1/push/(key|subscribe)$"), ["technician"]),
        (Rx("^/api/v1/(notifications|calls)(/|$)"), Staff),
        (Rx("^/desk/(notifications|calls/new)$"), Staff),
        (Rx("^/reports/{siteId}/{month}$"), ["admin", "dispatcher", "customer"]),
        (Rx("^/api/v1/parts/"), Field),
        (Rx("^/api/v1/(contracts|sites|inspections|complaints|surveys|revisits|reports|kpis)(/|$)"), Staff),
        (Rx("^/inspections(/{id}(/sheet\\.pdf)?)?$"), Field),
        (Rx("^/(reports|kpis)$"), Staff),
    ];

    private DeskHost _host = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private long _ticketA;
    private long _ticketB;
    private long _ticketC;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync();
        foreach (var (role, user) in UserOf)
        {
            _clients[role] = await _host.ClientAsync(user);
        }

        _clients["wang"] = await _host.ClientAsync("wang");
        _clients["other-dispatch"] = await _host.ClientAsync("other-dispatch");
        _ticketA = await RaiseAsync("site-a", "gw-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        _ticketB = await RaiseAsync("site-b", "gw-b", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        _ticketC = await RaiseAsync("site-c", "gw-c", "panel", DeviceKind.Panel, FaultCodes.PanelTamper);
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
    public async Task EveryRoute_EveryRoleNotAllowed_IsRefused()
    {
        var routes = Routes();
        Assert.Contains(routes, r => r.Pattern == "/desk/{id}");
        Assert.Contains(routes, r => r.Pattern == "/api/v1/tickets/{id}/signature");

        var failures = new List<string>();
        var tried = 0;
        foreach (var (pattern, methods) in routes)
        {
            var rule = Rules.FirstOrDefault(r => r.Route.IsMatch(pattern));
            if (rule.Route is null)
            {
                failures.Add($"{pattern}: no access rule — add one to {nameof(AccessTests)}.{nameof(Rules)}");
                continue;
            }

            if (rule.Allowed is null)
            {
                continue;
            }

            foreach (var method in methods)
            {
                foreach (var role in Roles.Where(r => !rule.Allowed.Contains(r)))
                {
                    tried++;
                    using var response = await SendAsync(role, method, pattern);
                    if (!IsRefusal(role, pattern, response))
                    {
                        failures.Add($"{method} {pattern} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(tried > 60, $"only {tried} refusals tried");
    }

    [Fact]
    public async Task AllowedRoles_AreNotRefusedByTheRules()
    {
        foreach (var (pattern, methods) in Routes().Where(r => r.Methods.Contains("GET")))
        {
            var allowed = Rules.First(r => r.Route.IsMatch(pattern)).Allowed;
            foreach (var role in allowed ?? [])
            {
                using var response = await SendAsync(role, "GET", pattern);
                Assert.False(
                    response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.StartsWith("/signin", StringComparison.Ordinal) == true,
                    $"GET {pattern} as {role} was refused: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Data_TechnicianSeesOnlyOwnJobs_CustomerOnlyOwnSites_NoOneAnotherTenant()
    {
        Assert.Equal([_ticketA, _ticketC], await TicketIdsAsync("technician"));
        Assert.Empty(await TicketIdsAsync("wang"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("wang", HttpMethod.Get, $"/api/v1/tickets/{_ticketA}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("wang", HttpMethod.Get, $"/jobs/{_ticketA}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("wang", HttpMethod.Post, $"/api/v1/tickets/{_ticketA}/accept"));

        // Site B belongs to another company, though its customer has the same name.
        Assert.Equal([_ticketA], await TicketIdsAsync("customer"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("customer", HttpMethod.Get, $"/api/v1/tickets/{_ticketB}/audit"));

        Assert.Equal([_ticketA, _ticketC], await TicketIdsAsync("dispatcher"));
        Assert.Equal([_ticketB], await TicketIdsAsync("other-dispatch"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("other-dispatch", HttpMethod.Get, $"/desk/{_ticketA}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("other-dispatch", HttpMethod.Get, $"/api/v1/tickets/{_ticketA}/jobsheet.pdf"));
        using var assign = new StringContent("""{"technicianId":"zhou"}""", Encoding.UTF8, "application/json");
        using var response = await _clients["other-dispatch"].PostAsync(new Uri($"/api/v1/tickets/{_ticketA}/assign", UriKind.Relative), assign);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // A dispatcher cannot hand a job to another company's technician either.
        using var foreign = new StringContent("""{"technicianId":"zhou"}""", Encoding.UTF8, "application/json");
        using var refused = await _clients["dispatcher"].PostAsync(new Uri($"/api/v1/tickets/{_ticketA}/assign", UriKind.Relative), foreign);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheDeskRoutes()
    {
        var json = await _clients["dispatcher"].GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/tickets/{id}/accept", out _));
        Assert.True(paths.TryGetProperty("/api/v1/tickets/{id}/assign", out _));
    }

    private List<(string Pattern, string[] Methods)> Routes()
    {
        var sources = _host.App.Services.GetRequiredService<EndpointDataSource>();
        return [.. sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (
                Pattern: Normalise(e.RoutePattern.RawText ?? string.Empty),
                Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"]))
            .GroupBy(r => r.Pattern)
            .Select(g => (g.Key, g.SelectMany(r => r.Methods).Distinct().ToArray()))];
    }

    private static string Normalise(string raw) => "/" + IdPattern().Replace(raw.TrimStart('/'), "{id}");

    private async Task<HttpResponseMessage> SendAsync(string role, string method, string pattern)
    {
        var path = pattern.Replace("{id}", _ticketA.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await _clients[role].SendAsync(request);
    }

    private static bool IsRefusal(string role, string pattern, HttpResponseMessage response)
    {
        if (role != Anonymous)
        {
            return response.StatusCode == HttpStatusCode.Forbidden;
        }

        return pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/openapi/", StringComparison.Ordinal)
            ? response.StatusCode == HttpStatusCode.Unauthorized
            : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/signin", StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> StatusAsync(string client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await _clients[client].SendAsync(request);
        return response.StatusCode;
    }

    private async Task<long[]> TicketIdsAsync(string client)
    {
        using var doc = JsonDocument.Parse(await _clients[client].GetStringAsync(new Uri("/api/v1/tickets", UriKind.Relative)));
        return [.. doc.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order()];
    }

    private async Task<long> RaiseAsync(string site, string gateway, string device, DeviceKind kind, string fault)
    {
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.CreateVersion7(),
            SiteId = site,
            GatewayId = gateway,
            Seq = 1,
            DeviceId = device,
            DeviceKind = kind,
            Fault = fault,
            State = FaultState.Raised,
            Severity = FaultSeverity.Major,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        await _host.App.Services.GetRequiredService<IngestPipeline>().HandleAsync(MqttTopics.Events(site), PayloadCodec.Encode(e), default);
        using var admin = await _host.ClientAsync(site == "site-b" ? "other-dispatch" : "admin");
        using var doc = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/tickets?site=" + site, UriKind.Relative)));
        return doc.RootElement.EnumerateArray().Single().GetProperty("id").GetInt64();
    }

    private static Regex Rx(string pattern) => new(pattern.Replace("{id}", "\\{id\\}", StringComparison.Ordinal), RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\{id(:long)?\}")]
    private static partial Regex IdPattern();
}
