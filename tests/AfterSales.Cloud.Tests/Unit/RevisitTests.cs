using AfterSales.Cloud.Feedback;

namespace AfterSales.Cloud.Tests.Unit;

public class RevisitTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_Again_KeepsWhenItWasDoneAndTheLatestFinding()
    {
        var revisit = Revisit.Plan(17, "site-a", RevisitRole.Supervisor, Due);
        revisit.Record("  picture flickers at night ", Due.AddDays(-2));

        revisit.Record(null, Due.AddDays(-1));

        Assert.Equal((Due.AddDays(-2), (string?)null), (revisit.DoneAt, revisit.Finding));
    }
}
