using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Timers;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>The dispatcher sees the timers that were set aside after failing, and puts one back in line (docs/service-rules.md, "Poison timers").</summary>
public sealed partial class StuckTimersPageTests
{
    [Fact]
    public async Task DeskPage_ListsQuarantinedTimers_AndRetryPutsOneBackInLine()
    {
        await using var host = await DeskHost.StartAsync();
        using var dispatch = await host.ClientAsync("dispatch");
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(), SiteId = "site-a", GatewayId = "gw-a", Seq = 1, DeviceId = "zone-1",
            DeviceKind = DeviceKind.Zone, Fault = FaultCodes.ZoneTamper, State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = DateTimeOffset.UtcNow,
        };
        await host.App.Services.GetRequiredService<IngestPipeline>().HandleAsync(MqttTopics.Events("site-a"), PayloadCodec.Encode(e), default);
        using var tickets = JsonDocument.Parse(await dispatch.GetStringAsync(new Uri("/api/v1/tickets", UriKind.Relative)));
        var ticket = tickets.RootElement.EnumerateArray().Single().GetProperty("id").GetInt64();
        var dbs = host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        long timerId;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var stuck = new DeskTimer { TicketId = ticket, Kind = TimerKind.Arrival, Percent = 75, DueAt = DateTimeOffset.UtcNow.AddYears(1), Failures = 5, LastError = "InvalidOperationException: the notifier is down", QuarantinedAt = DateTimeOffset.UtcNow };
            db.Add(stuck);
            await db.SaveChangesAsync();
            timerId = stuck.Id;
        }

        var page = await dispatch.GetStringAsync(new Uri("/desk", UriKind.Relative));
        Assert.Contains("Stuck timers", page, StringComparison.Ordinal);
        Assert.Contains("the notifier is down", page, StringComparison.Ordinal);
        Assert.Contains($"data-timer=\"{timerId}\"", page, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value, ["timerId"] = timerId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var retried = await dispatch.PostAsync(new Uri("/desk?handler=RetryTimer", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var timer = await db.Set<DeskTimer>().AsNoTracking().SingleAsync(t => t.Id == timerId);
            Assert.Equal((0, null, null), (timer.Failures, timer.LastError, timer.QuarantinedAt));
        }

        Assert.DoesNotContain("Stuck timers", await dispatch.GetStringAsync(new Uri("/desk", UriKind.Relative)), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
