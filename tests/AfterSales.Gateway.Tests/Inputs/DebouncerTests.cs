using System.Device.Gpio;
using AfterSales.Gateway.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Inputs;

public sealed class DebouncerTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Sample_GlitchShorterThanDebounce_ReportsNothing()
    {
        var debouncer = new Debouncer(PinValue.Low, Hold, _time);

        var changes = SampleFor(debouncer, PinValue.High, TimeSpan.FromMilliseconds(150));
        changes += SampleFor(debouncer, PinValue.Low, TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, changes);
        Assert.Equal(PinValue.Low, debouncer.Level);
    }

    [Fact]
    public void Sample_ChangeHeldForDebounce_ReportsExactlyOnce()
    {
        var debouncer = new Debouncer(PinValue.Low, Hold, _time);

        var changes = SampleFor(debouncer, PinValue.High, TimeSpan.FromSeconds(2));

        Assert.Equal(1, changes);
        Assert.Equal(PinValue.High, debouncer.Level);
    }

    [Fact]
    public void Sample_ChangeHeld_ConfirmedNoEarlierThanDebounce()
    {
        var debouncer = new Debouncer(PinValue.Low, Hold, _time);
        var start = _time.GetUtcNow();
        DateTimeOffset? confirmedAt = null;

        for (var i = 0; i < 100 && confirmedAt is null; i++)
        {
            if (debouncer.Sample(PinValue.High))
            {
                confirmedAt = _time.GetUtcNow();
            }

            _time.Advance(Tick);
        }

        Assert.Equal(start + Hold, confirmedAt);
    }

    [Fact]
    public void Sample_RepeatedGlitchesThatNeverHold_ReportNothing()
    {
        var debouncer = new Debouncer(PinValue.Low, Hold, _time);
        var changes = 0;

        for (var i = 0; i < 20; i++)
        {
            changes += SampleFor(debouncer, PinValue.High, TimeSpan.FromMilliseconds(100));
            changes += SampleFor(debouncer, PinValue.Low, TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(0, changes);
    }

    [Theory]
    [InlineData(true, 0, false)]
    [InlineData(true, 1, true)]
    [InlineData(false, 1, false)]
    [InlineData(false, 0, true)]
    public void IsFault_ContactAndLevel_FollowsWiringConvention(bool normallyClosed, int level, bool fault)
    {
        var contact = normallyClosed ? ContactType.NormallyClosed : ContactType.NormallyOpen;
        Assert.Equal(fault, ContactPolarity.IsFault(contact, level == 1 ? PinValue.High : PinValue.Low));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HealthyLevel_AnyContact_IsNotAFault(bool normallyClosed)
    {
        var contact = normallyClosed ? ContactType.NormallyClosed : ContactType.NormallyOpen;
        Assert.False(ContactPolarity.IsFault(contact, ContactPolarity.HealthyLevel(contact)));
        Assert.True(ContactPolarity.IsFault(contact, ContactPolarity.LevelFor(contact, fault: true)));
    }

    private int SampleFor(Debouncer debouncer, PinValue level, TimeSpan duration)
    {
        var changes = 0;
        for (var t = TimeSpan.Zero; t < duration; t += Tick)
        {
            changes += debouncer.Sample(level) ? 1 : 0;
            _time.Advance(Tick);
        }

        return changes;
    }
}
