using System.Net;
using System.Net.Http.Json;
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
/// Issue 15, technicians and the duty roster: what the admin changes through the API is what the very
/// next dispatch decides on — a new PTZ technician, their on-call shift, the shift taken off again —
/// without a restart. Bad input is refused with what is wrong and changes nothing.
/// </summary>
public sealed class TechnicianAdminTests : IAsyncLifetime
{
    // Friday 20 November 2026, 16:00 in Beijing.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private DeskHost _host = null!;
    private HttpClient _admin = null!;
    private int _seq;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings { Time = _time });
        _admin = await _host.ClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task NewTechnicianAndTheirShift_TheNextDispatchUsesThem_RemovingTheShiftTakesThemOff()
    {
        // Nobody of the company has the PTZ skill yet.
        Assert.Null(await RaisePtzAsync("ptz-1"));
        await CancelAsync("ptz-1");

        var saved = await _admin.PutAsJsonAsync(new Uri("/api/v1/admin/technicians/chen", UriKind.Relative), new { name = "陈刚", phone = "+86 138 0000 0007", skills = new[] { "ptz", "cctv" }, homeCentreId = "centre", active = true, worksBusinessHours = false });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Known, but not on duty: works no business hours and has no shift.
        Assert.Null(await RaisePtzAsync("ptz-2"));
        await CancelAsync("ptz-2");

        var now = _time.GetUtcNow();
        using var added = await _admin.PostAsJsonAsync(new Uri("/api/v1/admin/roster", UriKind.Relative), new { technicianId = "chen", start = now.AddHours(-1), end = now.AddHours(12), kind = "on-call" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var shift = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal("chen", await RaisePtzAsync("ptz-3"));

        var week = await _admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/admin/roster?week=2026-11-18", UriKind.Relative));
        Assert.Equal("2026-11-16", week.GetProperty("monday").GetString());
        Assert.Contains(week.GetProperty("shifts").EnumerateArray(), s => s.GetProperty("id").GetInt64() == shift);

        using var removed = await _admin.DeleteAsync(new Uri($"/api/v1/admin/roster/{shift}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(await RaisePtzAsync("ptz-4"));
    }

    private async Task CancelAsync(string device)
    {
        var tickets = await _admin.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/tickets?site=site-a", UriKind.Relative));
        var id = tickets!.Single(t => t.GetProperty("deviceId").GetString() == device).GetProperty("id").GetInt64();
        using var cancelled = await _admin.PostAsJsonAsync(new Uri($"/api/v1/tickets/{id}/cancel", UriKind.Relative), new { reason = "test: out of the way" });
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TechnicianMadeInactive_GetsNoMoreJobs()
    {
        Assert.Equal("li", await RaiseAsync("cam-1", DeviceKind.Camera, FaultCodes.CameraOffline));
        using var off = await _admin.PutAsJsonAsync(new Uri("/api/v1/admin/technicians/li", UriKind.Relative), new { name = "Li Wei", skills = new[] { "alarm", "cctv", "power", "cabling" }, homeCentreId = "centre", active = false, worksBusinessHours = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Null(await RaiseAsync("cam-2", DeviceKind.Camera, FaultCodes.CameraOffline));
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"skills\":[\"welding\"],\"homeCentreId\":\"centre\"}", "Unknown skill welding")]
    [InlineData("{\"name\":\"X\",\"skills\":[],\"homeCentreId\":\"centre\"}", "at least one skill")]
    [InlineData("{\"name\":\"\",\"skills\":[\"ptz\"],\"homeCentreId\":\"centre\"}", "needs a name")]
    [InlineData("{\"name\":\"X\",\"skills\":[\"ptz\"],\"homeCentreId\":\"nowhere\"}", "Unknown service centre 'nowhere'")]
    public async Task BadTechnician_ClearErrorAndNothingSaved(string body, string says)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _admin.PutAsync(new Uri("/api/v1/admin/technicians/new-one", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await _admin.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/admin/technicians", UriKind.Relative));
        Assert.DoesNotContain(list!, t => t.GetProperty("id").GetString() == "new-one");
    }

    [Fact]
    public async Task BadShifts_ClearErrorAndNothingAdded_AnotherCompanysTechnicianIsUnknown()
    {
        var now = _time.GetUtcNow();
        await ShiftRefusedAsync(new { technicianId = "wang", start = now, end = now.AddHours(-1) }, "ends after it starts");
        await ShiftRefusedAsync(new { technicianId = "wang", start = now, end = now.AddDays(8) }, "at most 7 days");
        await ShiftRefusedAsync(new { technicianId = "wang", start = now, end = now.AddHours(2), kind = "party" }, "kind 'party' is unknown");
        await ShiftRefusedAsync(new { technicianId = "zhou", start = now, end = now.AddHours(2) }, "Unknown technician 'zhou'");
        await ShiftRefusedAsync(new { technicianId = "li", start = now, end = now.AddHours(2) }, "overlaps");
        var week = await _admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/admin/roster", UriKind.Relative));
        Assert.All(week.GetProperty("shifts").EnumerateArray(), s => Assert.Equal("li", s.GetProperty("technicianId").GetString()));
        using var foreign = await _admin.PutAsJsonAsync(new Uri("/api/v1/admin/technicians/zhou", UriKind.Relative), new { name = "Taken", skills = new[] { "ptz" }, homeCentreId = "centre" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    private async Task ShiftRefusedAsync(object body, string says)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri("/api/v1/admin/roster", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<string?> RaisePtzAsync(string device) => RaiseAsync(device, DeviceKind.Ptz, FaultCodes.PtzNoResponse);

    /// <summary>Raises a fault at site-a as the gateway would, after the incident window of the last one, and answers who the desk sent.</summary>
    private async Task<string?> RaiseAsync(string device, DeviceKind kind, string fault)
    {
        // The clock only: replaying the workers' ticks of ten minutes for every raise made this class slow.
        _time.AdjustTime(_time.GetUtcNow().AddMinutes(10));
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(), SiteId = "site-a", GatewayId = "gw-a", Seq = ++_seq, DeviceId = device,
            DeviceKind = kind, Fault = fault, State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = _time.GetUtcNow(),
        };
        await _host.App.Services.GetRequiredService<IngestPipeline>().HandleAsync(MqttTopics.Events("site-a"), PayloadCodec.Encode(e), default);
        var tickets = await _admin.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/tickets?site=site-a", UriKind.Relative));
        var ticket = tickets!.Single(t => t.GetProperty("deviceId").GetString() == device);
        return ticket.TryGetProperty("technicianId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
