using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// Revisits as work (docs/service-rules.md §4.4, §4.4a): the manager's list shows a revisit due within the
/// 2 days of a safety repair; the signed record with its four checks hands the finding to the technician as a
/// message, which he confirms; the clock rules (overdue, unconfirmed after 24 h) on a fake clock in
/// <see cref="Rules_StandingAndAcknowledgement_FollowTheClock"/>.
/// </summary>
public sealed class RevisitWorkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private DeskHost _host = null!;
    private HttpClient _dispatcher = null!;
    private HttpClient _li = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings { Time = _time });
        _dispatcher = await _host.ClientAsync("dispatch");
        _li = await _host.ClientAsync("li");
    }

    public async Task DisposeAsync()
    {
        _dispatcher.Dispose();
        _li.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SafetyRepair_RevisitDueThenOverdue_SignedFindingGoesToTheTechnician_WhoConfirmsIt()
    {
        var ticket = await RepairedPanelJobAsync();
        var revisit = await PlannedRevisitAsync(ticket, RevisitRole.Manager);
        Assert.Equal(Start + RevisitRules.SafetyWithin, revisit.DueBy);
        Assert.Contains($"data-revisit=\"{revisit.Id}\"", await PageAsync(_dispatcher, "/desk/revisits?show=Due"), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-revisit=\"{revisit.Id}\"", await PageAsync(_dispatcher, "/desk/revisits?show=Overdue"), StringComparison.Ordinal);

        using (var unsigned = await DeskHost.PostFormAsync(_dispatcher, $"/desk/revisits/{revisit.Id}", new() { ["repairHeld"] = "true", ["signerName"] = "" }, "Record"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
            Assert.Contains("Write the name of the person revisited.", await PageAsync(_dispatcher, $"/desk/revisits/{revisit.Id}"), StringComparison.Ordinal);
        }

        using var signed = await DeskHost.PostFormAsync(_dispatcher, $"/desk/revisits/{revisit.Id}", new()
        {
            ["repairHeld"] = "true", ["conductOk"] = "false", ["chargesOk"] = "true", ["suggestions"] = "Call before coming",
            ["finding"] = "Left packaging and dust behind the panel", ["signerName"] = "Mr Chen", ["png"] = "data:image/png;base64,iVBORw0KGgo=",
        }, "Record");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var foundAt = _time.GetUtcNow();

        await using (var db = await Db().CreateDbContextAsync())
        {
            var stored = await db.Set<Revisit>().SingleAsync(r => r.Id == revisit.Id);
            Assert.Equal((true, false, true, "Mr Chen", foundAt), (stored.RepairHeld, stored.ConductOk, stored.ChargesOk, stored.SignerName, stored.FindingHandedOverAt));
            var notice = await db.Set<Notification>().SingleAsync(n => n.Recipient == Recipients.Technician("li") && n.Message.Contains("Left packaging"));
            Assert.Equal($"/jobs/findings#revisit-{revisit.Id}", notice.LinkPath);
        }

        Assert.Contains("Left packaging and dust behind the panel", await PageAsync(_li, "/jobs/findings"), StringComparison.Ordinal);
        Assert.Contains($"data-revisit=\"{revisit.Id}\"", await PageAsync(_dispatcher, "/desk/revisits?show=Done"), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"flash bad unconfirmed\"", await PageAsync(_dispatcher, "/desk/revisits"), StringComparison.Ordinal);

        using var confirmed = await DeskHost.PostFormAsync(_li, "/jobs/findings", new() { ["revisitId"] = revisit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Acknowledge");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain("class=\"flash bad unconfirmed\"", await PageAsync(_dispatcher, "/desk/revisits"), StringComparison.Ordinal);

        // A signed record is never changed.
        using var again = await DeskHost.PostFormAsync(_dispatcher, $"/desk/revisits/{revisit.Id}", new() { ["signerName"] = "Someone else", ["png"] = "iVBORw0KGgo=" }, "Record");
        await using var after = await Db().CreateDbContextAsync();
        Assert.Equal("Mr Chen", (await after.Set<Revisit>().SingleAsync(r => r.Id == revisit.Id)).SignerName);
    }

    [Fact]
    public async Task Finding_AnotherTechnician_CannotConfirmIt()
    {
        var ticket = await RepairedPanelJobAsync();
        var revisit = await PlannedRevisitAsync(ticket, RevisitRole.Supervisor);
        using var signed = await DeskHost.PostFormAsync(_dispatcher, $"/desk/revisits/{revisit.Id}", new()
        {
            ["repairHeld"] = "true", ["finding"] = "Keypad cover cracked", ["signerName"] = "Mr Chen", ["png"] = "iVBORw0KGgo=",
        }, "Record");
        using var wang = await _host.ClientAsync("wang");
        // Wang has no finding, so no form of his own: his anti-forgery token comes from the sign-in page, as a forger's would.
        var token = System.Text.RegularExpressions.Regex.Match(await PageAsync(wang, "/signin"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["revisitId"] = revisit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var refused = await wang.PostAsync(new Uri("/jobs/findings?handler=Acknowledge", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Keypad cover cracked", await PageAsync(wang, "/jobs/findings"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_StandingAndAcknowledgement_FollowTheClock()
    {
        var revisit = Revisit.Plan(1, "site-a", RevisitRole.Manager, Start + RevisitRules.Within);
        Assert.Equal(RevisitStanding.Due, RevisitRules.Standing(revisit, Start + RevisitRules.Within));
        Assert.Equal(RevisitStanding.Overdue, RevisitRules.Standing(revisit, Start + RevisitRules.Within + TimeSpan.FromSeconds(1)));
        revisit.Complete(new RevisitChecks(true, true, null, true, "Finding"), "Mr Chen", [1], "dispatch", Start);
        revisit.HandOver(Start);
        Assert.Equal(RevisitStanding.Done, RevisitRules.Standing(revisit, Start + TimeSpan.FromDays(30)));
        Assert.False(RevisitRules.AcknowledgementOverdue(revisit, Start + RevisitRules.AcknowledgeWithin));
        Assert.True(RevisitRules.AcknowledgementOverdue(revisit, Start + RevisitRules.AcknowledgeWithin + TimeSpan.FromSeconds(1)));
        revisit.Acknowledge(Start + TimeSpan.FromHours(30));
        Assert.False(RevisitRules.AcknowledgementOverdue(revisit, Start + TimeSpan.FromDays(3)));
        Assert.Throws<InvalidOperationException>(() => revisit.Complete(new RevisitChecks(true, true, null, true, null), "X", [1], "dispatch", Start));
    }

    private IDbContextFactory<CloudDb> Db() => _host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();

    /// <summary>A customer's call about the alarm panel, worked by Li Wei to resolved now.</summary>
    private async Task<long> RepairedPanelJobAsync()
    {
        using var call = await Ok(_dispatcher.PostAsJsonAsync("/api/v1/calls", new { siteId = "site-a", deviceKind = "panel", severity = "major", symptom = "Keypad beeps", callerName = "Mr Chen", callbackPhone = "+86 139 1234 5678" }));
        using var doc = JsonDocument.Parse(await call.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("ticketId").GetInt64();
        (await _dispatcher.PostAsJsonAsync($"/api/v1/tickets/{id}/assign", new { technicianId = "li" })).Dispose();
        (await Ok(_dispatcher.PostAsync(new Uri($"/api/v1/tickets/{id}/accept", UriKind.Relative), null))).Dispose();
        (await Ok(_dispatcher.PostAsJsonAsync($"/api/v1/tickets/{id}/arrive", new { latitude = 30.652, longitude = 104.08 }))).Dispose();
        (await Ok(_dispatcher.PostAsJsonAsync($"/api/v1/tickets/{id}/resolve", new { resolution = "Replaced the keypad", tests = RepairTestRules.For(DeviceKind.Panel) }))).Dispose();
        return id;
    }

    private async Task<Revisit> PlannedRevisitAsync(long ticket, RevisitRole role)
    {
        // The plan counts repairs finished before now.
        _time.Advance(TimeSpan.FromMinutes(1));
        (await Ok(_dispatcher.PostAsync(new Uri("/api/v1/revisits/plan?month=2026-11-01", UriKind.Relative), null))).Dispose();
        await using var db = await Db().CreateDbContextAsync();
        return await db.Set<Revisit>().AsNoTracking().SingleAsync(r => r.TicketId == ticket && r.Role == role);
    }

    private static async Task<string> PageAsync(HttpClient http, string path) => await http.GetStringAsync(new Uri(path, UriKind.Relative));

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
