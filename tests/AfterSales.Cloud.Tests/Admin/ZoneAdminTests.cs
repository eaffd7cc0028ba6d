using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Tests.Web;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Admin;

/// <summary>
/// Issue 15, zones: an admin uploads a centre's zones as GeoJSON; the preview and the very next fault
/// use them; a file with a mistake is refused with what is wrong and changes nothing; and a site is
/// only ever measured from its own company's centres (the other company's centre here stands in
/// Beijing, while acme's is a kilometre from the other company's Chengdu site).
/// </summary>
public sealed class ZoneAdminTests : IAsyncLifetime
{
    /// <summary>ring1 around site-a (30.652, 104.08) in 1.5 h; "east", two squares east of the city, in 5 h.</summary>
    private const string Zones = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"zone":"ring1","label":"一环内","arrivalHours":1.5},
           "geometry":{"type":"Polygon","coordinates":[[[104.03,30.63],[104.10,30.63],[104.10,30.69],[104.03,30.69],[104.03,30.63]]]}},
          {"type":"Feature","properties":{"zone":"east","label":"东部新区","arrivalHours":5},
           "geometry":{"type":"MultiPolygon","coordinates":[[[[104.30,30.50],[104.40,30.50],[104.40,30.60],[104.30,30.60],[104.30,30.50]]],[[[104.50,30.50],[104.60,30.50],[104.60,30.60],[104.50,30.60],[104.50,30.50]]]]}}]}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private DeskHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings { Time = _time, Extra = ["Seed:Centres:1:Latitude=39.9", "Seed:Centres:1:Longitude=116.4"] });
        _admin = await _host.ClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task UploadedZones_PreviewAndTheNextFaultUseThem()
    {
        using (var upload = await UploadAsync("centre", Zones))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var inRing = await PreviewAsync(30.652, 104.08);
        Assert.Equal("ring1", inRing.GetProperty("zone").GetString());
        Assert.Equal(1.5, inRing.GetProperty("arrivalHours").GetDouble());
        var inSecondSquare = await PreviewAsync(30.55, 104.55);
        Assert.Equal("east", inSecondSquare.GetProperty("zone").GetString());
        Assert.Equal(5, inSecondSquare.GetProperty("arrivalHours").GetDouble());
        Assert.True((await PreviewAsync(39.9, 116.4)).GetProperty("needsHuman").GetBoolean());

        var ticket = await RaiseAsync("site-a", "gw-a", _admin);
        Assert.Equal(TimeSpan.FromHours(1.5), ticket.GetProperty("arrivalDeadline").GetDateTimeOffset() - ticket.GetProperty("openedAt").GetDateTimeOffset());

        // Taken away: the distance bands measure again.
        using (var removed = await _admin.DeleteAsync(new Uri("/api/v1/admin/centres/centre/zones", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.NotEqual("ring1", (await PreviewAsync(30.652, 104.08)).GetProperty("zone").GetString());
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[]}", "must be a GeoJSON FeatureCollection")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", "has no features")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"zone\":\"ring9\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[104.0,30.6],[104.1,30.6],[104.1,30.7],[104.0,30.6]]]}}]}", "Feature 1 (ring9): \\\"arrivalHours\\\" must be")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"zone\":\"bow\",\"arrivalHours\":2},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[104.0,30.6],[104.1,30.7],[104.1,30.6],[104.0,30.7],[104.0,30.6]]]}}]}", "Feature 1 (bow): the Polygon is not valid")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"zone\":\"dot\",\"arrivalHours\":2},\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.0,30.6]}}]}", "must be a Polygon or MultiPolygon, not Point")]
    public async Task BadGeoJson_ClearErrorAndTheZonesBeforeStay(string geoJson, string says)
    {
        using (var upload = await UploadAsync("centre", Zones))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var bad = await UploadAsync("centre", geoJson);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(says, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var zones = await _admin.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/admin/zones", UriKind.Relative));
        Assert.Equal(["ring1", "east"], zones!.Select(z => z.GetProperty("zone").GetString()));
    }

    [Fact]
    public async Task AnotherCompanysCentre_IsUnknown_AndItsSitesAreNeverMeasuredFromOurs()
    {
        using (var upload = await UploadAsync("centre-b", Zones))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        using (var removed = await _admin.DeleteAsync(new Uri("/api/v1/admin/centres/centre-b/zones", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        }

        // site-b (the other company's) lies 2 km from acme's centre and 1 500 km from its own in Beijing:
        // it is measured from its own, beyond every band, and has no contract, so it needs a human.
        using var other = await _host.ClientAsync("other-dispatch");
        var ticket = await RaiseAsync("site-b", "gw-b", other);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("arrivalDeadline").ValueKind);
    }

    private Task<HttpResponseMessage> UploadAsync(string centre, string geoJson) =>
        _admin.PutAsync(new Uri($"/api/v1/admin/centres/{centre}/zones", UriKind.Relative), new StringContent(geoJson, Encoding.UTF8, "application/geo+json"));

    private async Task<JsonElement> PreviewAsync(double latitude, double longitude) =>
        await _admin.GetFromJsonAsync<JsonElement>(new Uri(FormattableString.Invariant($"/api/v1/admin/zones/preview?latitude={latitude}&longitude={longitude}"), UriKind.Relative));

    private async Task<JsonElement> RaiseAsync(string site, string gateway, HttpClient reader)
    {
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(), SiteId = site, GatewayId = gateway, Seq = 1, DeviceId = "panel",
            DeviceKind = DeviceKind.Panel, Fault = FaultCodes.PanelAcLoss, State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = _time.GetUtcNow(),
        };
        await _host.App.Services.GetRequiredService<IngestPipeline>().HandleAsync(MqttTopics.Events(site), PayloadCodec.Encode(e), default);
        return (await reader.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/v1/tickets?site={site}", UriKind.Relative)))!.Single();
    }
}
