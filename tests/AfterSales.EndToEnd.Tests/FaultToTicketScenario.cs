using System.Text.Json;

namespace AfterSales.EndToEnd.Tests;

/// <summary>The gateway-to-ticket path, run against each kind of broker.</summary>
public abstract class FaultToTicketScenario
{
    protected abstract bool ExternalBroker { get; }

    /// <summary>The gateway reaches the embedded broker over TLS.</summary>
    protected virtual bool BrokerTls => false;

    /// <summary>The gateway to run: null for the build output, or a published executable.</summary>
    protected virtual Task<string?> GatewayExecutableAsync() => Task.FromResult<string?>(null);

    [Fact]
    public async Task GatewayInput_RaisedThenNormal_OneTicketOpenedThenRestored()
    {
        await using var deployment = await Deployment.StartAsync(ExternalBroker, await GatewayExecutableAsync(), BrokerTls);
        deployment.StartGateway();

        await deployment.SetPanelAcLossAsync(lost: true);
        var ticket = await Poll.UntilValueAsync<JsonElement>(async () =>
            FindPanelTickets(await deployment.GetTicketsAsync()) is [var first, ..] ? first : null);
        Assert.True(ticket.HasValue, "no ticket for panel.ac_loss within 60 s.\n" + deployment.Diagnostics());
        var opened = ticket.Value;

        var context = opened.GetRawText() + "\n" + deployment.Diagnostics();
        Assert.True(opened.GetProperty("state").GetString() == "active", context);
        Assert.True(opened.GetProperty("zone").GetString() == "ring-2", context);
        Assert.True(Math.Abs(opened.GetProperty("distanceKm").GetDouble() - 7.6) < 0.3, context);
        var openedAt = opened.GetProperty("openedAt").GetDateTimeOffset();
        var deadline = opened.GetProperty("arrivalDeadline").GetDateTimeOffset();
        Assert.True(Math.Abs((deadline - openedAt - TimeSpan.FromHours(3)).TotalSeconds) < 1, context);
        var id = opened.GetProperty("id").GetInt64();

        await deployment.SetPanelAcLossAsync(lost: false);
        JsonElement[] latest = [];
        var restored = await Poll.UntilAsync(async () =>
        {
            latest = FindPanelTickets(await deployment.GetTicketsAsync());
            return latest.Any(t => t.GetProperty("id").GetInt64() == id
                && t.GetProperty("restoredAt").ValueKind == JsonValueKind.String
                && t.GetProperty("state").GetString() == "restored");
        });
        var latestText = string.Join("\n", latest.Select(t => t.GetRawText()));
        Assert.True(restored, "ticket not restored within 60 s.\n" + latestText + "\n" + deployment.Diagnostics());
        Assert.True(latest.Length == 1, "expected exactly one panel.ac_loss ticket.\n" + latestText + "\n" + deployment.Diagnostics());
    }

    private static JsonElement[] FindPanelTickets(JsonElement[] tickets) =>
        [.. tickets.Where(t => t.GetProperty("siteId").GetString() == Deployment.SiteId
            && t.GetProperty("deviceId").GetString() == "panel"
            && t.GetProperty("fault").GetString() == "panel.ac_loss")];
}
