using AfterSales.Gateway.Outbox;

namespace AfterSales.Gateway.Tests.Outbox;

public sealed class OutboxBudgetTests
{
    private readonly OutboxBudget _budget = new(10_000);

    [Fact]
    public void Decide_BelowBudget_TakesEventsAndTelemetry()
    {
        Assert.Equal(BudgetDecision.Take, _budget.Decide(OutboxPriority.Event, 500, liveBytes: 9_500, telemetryBytes: 0));
        Assert.Equal(BudgetDecision.Take, _budget.Decide(OutboxPriority.Telemetry, 500, liveBytes: 9_500, telemetryBytes: 0));
    }

    [Fact]
    public void Decide_EventAtBudgetWithTelemetryStored_EvictsJustEnoughTelemetry()
    {
        var decision = _budget.Decide(OutboxPriority.Event, 500, liveBytes: 9_800, telemetryBytes: 2_000);

        Assert.True(decision.Admit);
        Assert.Equal(300, decision.EvictTelemetryBytes);
    }

    [Fact]
    public void Decide_EventAtBudgetWithoutEnoughTelemetry_Refused()
    {
        Assert.Equal(BudgetDecision.Refuse, _budget.Decide(OutboxPriority.Event, 500, liveBytes: 9_800, telemetryBytes: 200));
    }

    [Fact]
    public void Decide_TelemetryAtBudget_RefusedEvenThoughOlderTelemetryCouldGo()
    {
        Assert.Equal(BudgetDecision.Refuse, _budget.Decide(OutboxPriority.Telemetry, 500, liveBytes: 9_800, telemetryBytes: 5_000));
    }

    [Fact]
    public void Decide_OutboxFullAlarmOverBudget_StillTaken()
    {
        Assert.Equal(BudgetDecision.Take, _budget.Decide(OutboxPriority.Alarm, 500, liveBytes: 12_000, telemetryBytes: 0));
    }

    [Theory]
    [InlineData(8_000, true)]
    [InlineData(8_001, false)]
    public void HasRoomAgain_OnlyBelowEightyPercent(long live, bool expected)
    {
        Assert.Equal(expected, _budget.HasRoomAgain(live));
    }
}
