namespace AfterSales.Protocol.Contracts;

/// <summary>
/// A site config's version is the number of seconds from 2024-01-01 to when the cloud issued it (at least one above
/// the last, when two come within a second). So the version itself says when it could have been issued, and a
/// receiver can refuse one "from the future": a forged or corrupt config carrying version 2147483647 would
/// otherwise pin a gateway for good, since a gateway never goes back to a lower version (docs/security.md).
/// </summary>
public static class SiteConfigVersion
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The version a config issued at <paramref name="at"/> carries.</summary>
    public static int At(DateTimeOffset at) => (int)Math.Clamp((at - Epoch).TotalSeconds, 0, int.MaxValue);

    /// <summary>The version following <paramref name="previous"/> for a config issued at <paramref name="now"/>.</summary>
    public static int Next(int previous, DateTimeOffset now) => Math.Max(previous + 1, At(now));

    /// <summary>
    /// The highest version a config issued by now could carry, with <see cref="ConfigSignature.FutureTolerance"/>
    /// for the two clocks disagreeing; anything above it is refused.
    /// </summary>
    public static int Latest(DateTimeOffset now) => At(now + ConfigSignature.FutureTolerance);

    public static bool IsFromTheFuture(int version, DateTimeOffset now) => version > Latest(now);
}
