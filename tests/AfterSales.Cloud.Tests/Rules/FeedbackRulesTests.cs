using AfterSales.Cloud.Feedback;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Rules;

public class FeedbackRulesTests
{
    private static readonly ComplaintPolicy Policy = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ComplaintNumber_RestartsEachMonth_AndSkipsPastTheHighestSerial()
    {
        // The local month of receipt (LocalDayTests checks where the month turns).
        Assert.Equal("2611-001", ComplaintRules.NextNumber(new DateOnly(2026, 11, 1), []));
        Assert.Equal("2611-013", ComplaintRules.NextNumber(new DateOnly(2026, 11, 1), ["2611-001", "2611-012", "2610-077"]));
        Assert.Equal("2612-001", ComplaintRules.NextNumber(new DateOnly(2026, 12, 1), ["2611-001", "2611-012"]));
    }

    [Fact]
    public void Complaint_AnswerAndResolveClocks_RunFromReceipt()
    {
        var c = Register();

        Assert.Equal(_time.GetUtcNow().AddHours(4), c.AnswerDueAt);
        Assert.Equal(_time.GetUtcNow().AddHours(48), c.ResolveDueAt);
    }

    [Fact]
    public void Complaint_Unanswered_RemindedAfterFourHours_EveryDay_ThenEscalatedAfter48()
    {
        var c = Register();

        _time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(ComplaintAction.None, ComplaintRules.Next(c, _time.GetUtcNow(), Policy)); // exactly at the deadline is still on time

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ComplaintAction.Remind, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        c.Remind(_time.GetUtcNow());

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(ComplaintAction.None, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ComplaintAction.Remind, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        c.Remind(_time.GetUtcNow());

        _time.SetUtcNow(c.ResolveDueAt.AddMinutes(1));
        Assert.Equal(ComplaintAction.Escalate, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
    }

    [Fact]
    public void Complaint_AnsweredAndResolvedInTime_NeedsNothing()
    {
        var c = Register();
        c.Answer(c.ReceivedAt.AddHours(2));
        _time.Advance(TimeSpan.FromHours(30));

        Assert.Equal(ComplaintAction.None, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        c.Resolve("Route planning changed", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(40));

        Assert.Equal(ComplaintAction.None, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        Assert.True(ComplaintRules.AnsweredOnTime(c));
        Assert.True(ComplaintRules.ResolvedOnTime(c));
        Assert.False(ComplaintRules.IsMajor(c, _time.GetUtcNow(), Policy));
    }

    [Fact]
    public void Complaint_Serious_EscalatesAtOnce_AndAMonthUnresolvedIsMajor()
    {
        var c = Register(serious: true);

        Assert.Equal(ComplaintAction.Escalate, ComplaintRules.Next(c, _time.GetUtcNow(), Policy));
        _time.Advance(TimeSpan.FromDays(30));
        Assert.True(ComplaintRules.IsMajor(c, _time.GetUtcNow(), Policy));
    }

    [Fact]
    public void Complaint_CustomPolicy_ChangesTheClocks()
    {
        var slow = new ComplaintPolicy { AnswerWithinHours = 72, ResolveWithinHours = 120 };
        var c = Complaint.Register("2611-001", "site-a", "x", ComplaintCause.Other, true, false, _time.GetUtcNow(), slow);
        _time.Advance(TimeSpan.FromHours(50));

        Assert.Equal(ComplaintAction.None, ComplaintRules.Next(c, _time.GetUtcNow(), slow));
    }

    [Theory]
    [InlineData(DeviceKind.Panel, 2)]
    [InlineData(DeviceKind.Zone, 2)]
    [InlineData(DeviceKind.Power, 2)]
    [InlineData(DeviceKind.Camera, 7)]
    [InlineData(DeviceKind.Recorder, 7)]
    public void Revisit_DueWithinAWeek_OrTwoDaysForSafetyDevices(DeviceKind kind, int days)
    {
        var repaired = _time.GetUtcNow();

        Assert.Equal(repaired.AddDays(days), RevisitRules.DueBy(repaired, kind));
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(10, 1, 3, 6)]
    [InlineData(25, 3, 8, 15)]
    [InlineData(100, 10, 30, 60)]
    public void Revisit_RoleQuotas_AreMetForAnyNumberOfJobs(int jobs, int manager, int supervisor, int lead)
    {
        var roles = Enumerable.Range(1, jobs).SelectMany(RevisitRules.RolesFor).ToList();

        Assert.Equal(manager, roles.Count(r => r == RevisitRole.Manager));
        Assert.Equal(supervisor, roles.Count(r => r == RevisitRole.Supervisor));
        Assert.Equal(lead, roles.Count(r => r == RevisitRole.RepairLead));
        Assert.All(Enum.GetValues<RevisitRole>(), r => Assert.True(RevisitRules.QuotaMet(r, jobs, roles.Count(x => x == r))));
    }

    [Fact]
    public void Survey_SatisfiedOnlyWhenEveryAnswerIsAtLeastSatisfied()
    {
        Survey Answered(int a, int b, int c, int d)
        {
            var survey = Survey.Issue("t", "s", null, null, null, _time.GetUtcNow());
            survey.Answer(a, b, c, d, null, _time.GetUtcNow());
            return survey;
        }

        Survey[] surveys = [Answered(4, 4, 4, 4), Answered(3, 3, 3, 3), Answered(4, 4, 2, 4), Survey.Issue("u", "s", null, null, null, _time.GetUtcNow())];

        Assert.Equal(2.0 / 3, SurveyScore.SatisfactionRate(surveys)!.Value, 9);
        Assert.Equal([11.0 / 3, 11.0 / 3, 3, 11.0 / 3], SurveyScore.Averages(surveys));
        Assert.Null(SurveyScore.SatisfactionRate([]));
    }

    private Complaint Register(bool serious = false) =>
        Complaint.Register("2611-001", "site-a", "Late", ComplaintCause.LateArrival, true, serious, _time.GetUtcNow(), Policy);
}
