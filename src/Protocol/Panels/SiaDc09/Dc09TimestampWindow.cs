namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// DC-09's replay guard: a receiver NAKs a message whose timestamp is too far from its own clock
/// (by default more than 40 s behind or 20 s ahead). Kept apart from decoding because it needs "now".
/// </summary>
public static class Dc09TimestampWindow
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan DefaultMaxAhead = TimeSpan.FromSeconds(20);

    /// <summary>True when the message may be accepted. A message without a timestamp has nothing to check.</summary>
    public static bool IsWithin(Dc09Message message, DateTimeOffset now) =>
        IsWithin(message?.Timestamp, now, DefaultMaxAge, DefaultMaxAhead);

    public static bool IsWithin(DateTimeOffset? timestamp, DateTimeOffset now, TimeSpan maxAge, TimeSpan maxAhead)
    {
        if (timestamp is not { } ts)
        {
            return true;
        }

        var offset = ts - now;
        return offset >= -maxAge && offset <= maxAhead;
    }
}
