using AfterSales.Cloud.Sla.Timers;

namespace AfterSales.Cloud.Tests.Unit;

public class TimerMarksTests
{
    private static readonly DateTimeOffset Shanghai = new(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void LaterMarks_WrittenAndReadBack_SameInstantsInOrder()
    {
        var marks = new[] { (75, Shanghai), (100, Shanghai.AddMinutes(30.5)) };

        var text = TimerMarks.Format(marks);

        Assert.Equal("75@2026-11-23T02:30:00.0000000Z;100@2026-11-23T03:00:30.0000000Z", text);
        Assert.Equal(marks, TimerMarks.Parse(text));
    }

    [Fact]
    public void NoLaterMarks_NothingWritten()
    {
        Assert.Null(TimerMarks.Format([]));
        Assert.Empty(TimerMarks.Parse(null));
    }
}
