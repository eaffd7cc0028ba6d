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

    private static readonly byte[] Drawn = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    [Fact]
    public void Sign_BeforeCompletion_RefusedAndNothingStored()
    {
        var job = TwoItems();
        job.Record(1, ItemResult.Pass, null, Visit);

        var refused = Assert.Throws<InspectionException>(() => job.Sign("Wang Fang", Drawn, "li", Visit.AddHours(1)));

        Assert.Contains("complete the inspection", refused.Message, StringComparison.Ordinal);
        Assert.Null(job.Signature);
        Assert.Null(job.SignerName);
    }

    [Fact]
    public void Sign_Once_TheSignedRecordNeverChanges()
    {
        var job = TwoItems();
        job.Record(1, ItemResult.Pass, null, Visit);
        job.Record(2, ItemResult.Pass, null, Visit);
        job.Complete("all in order", Visit.AddHours(1));

        job.Sign("  Wang Fang ", Drawn, "li", Visit.AddHours(1));

        Assert.Equal(("Wang Fang", "li", Visit.AddHours(1)), (job.SignerName, job.SignatureCollectedBy, job.SignedAt));
        Assert.Throws<InspectionException>(() => job.Sign("Someone Else", [1, 2], "li", Visit.AddHours(2)));
        Assert.Throws<InspectionException>(() => job.Complete("rewritten after signing", Visit.AddHours(2)));
        Assert.Equal(("Wang Fang", "all in order"), (job.SignerName, job.Remarks));
        Assert.Equal(Drawn, job.Signature);
    }

    [Theory]
    [InlineData("  ")]
    [InlineData(null)]
    public void Sign_WithoutAName_Refused(string? name)
    {
        var job = TwoItems();
        job.Record(1, ItemResult.Pass, null, Visit);
        job.Record(2, ItemResult.Pass, null, Visit);
        job.Complete(null, Visit);

        Assert.Throws<InspectionException>(() => job.Sign(name!, Drawn, "li", Visit));
        Assert.Throws<InspectionException>(() => job.Sign("Wang Fang", [], "li", Visit));
        Assert.Null(job.Signature);
    }
}
