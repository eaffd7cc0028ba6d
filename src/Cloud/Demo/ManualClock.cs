namespace AfterSales.Cloud.Demo;

/// <summary>A clock the demo history moves by hand, so a past month can be replayed through the real services.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
