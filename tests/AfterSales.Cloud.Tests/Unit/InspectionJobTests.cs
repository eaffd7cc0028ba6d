using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Tests.Support;

namespace AfterSales.Cloud.Tests.Unit;

public class InspectionJobTests
{
    private static readonly DateTimeOffset Visit = new(2026, 11, 12, 9, 30, 0, TimeSpan.Zero);

    private static InspectionJob TwoItems()
    {
        var job = InspectionJob.Plan("site-a", new DateOnly(2026, 11, 1), "li", new DateOnly(2026, 11, 12), Visit.AddDays(-11)).WithId(5);
        job.Items.AddRange(
        [
            new InspectionItem { Id = 1, Label = "cam-1", Check = "image" },
            new InspectionItem { Id = 2, Label = "Cable quality", Check = "sheaths" },
        ]);
        return job;
    }

    [Fact]
    public void Record_FirstResult_StartsTheInspection()
    {
        var job = TwoItems();

        var item = job.Record(1, ItemResult.Pass, "  fine ", Visit);
        job.Record(2, ItemResult.Pass, null, Visit.AddMinutes(5));

        Assert.Equal((ItemResult.Pass, "fine", Visit), (item.Result, item.Note, item.CheckedAt));
        Assert.Equal(Visit, job.StartedAt);
    }

    [Fact]
    public void Complete_ItemsPending_RefusedAndNotCompleted()
    {
        var job = TwoItems();
        job.Record(1, ItemResult.Pass, null, Visit);

        var refused = Assert.Throws<InspectionException>(() => job.Complete("done", Visit.AddHours(1)));

        Assert.Equal("1 items are not checked yet.", refused.Message);
        Assert.Null(job.CompletedAt);
    }

    [Fact]
    public void Record_AfterCompletion_RefusedAndTheSheetStands()
    {
        var job = TwoItems();
        job.Record(1, ItemResult.Pass, null, Visit);
        job.Record(2, ItemResult.Pass, null, Visit);
        Assert.True(job.Complete("all in order", Visit.AddHours(1)));

        Assert.Throws<InspectionException>(() => job.Record(1, ItemResult.Fail, "broken", Visit.AddHours(2)));

        Assert.Equal(ItemResult.Pass, job.Items[0].Result);
        Assert.False(job.Complete("all in order; customer signed", Visit.AddHours(3)));
        Assert.Equal((Visit.AddHours(1), "all in order; customer signed"), (job.CompletedAt, job.Remarks));
    }

    [Fact]
    public void Record_ItemOfAnotherInspection_Refused() =>
        Assert.Equal("Item 9 is not on inspection 5.", Assert.Throws<InspectionException>(() => TwoItems().Record(9, ItemResult.Pass, null, Visit)).Message);
}
