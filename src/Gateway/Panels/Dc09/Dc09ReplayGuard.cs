using System.Security.Cryptography;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>
/// Remembers every accepted encrypted frame until its timestamp leaves the receiver's window, so a frame recorded on the
/// LAN and sent again inside the window (a link test that hides a cut panel, an old restore) changes nothing. The
/// timestamp window alone stops replays only after it (issue 13). Clear-text frames can be forged outright, so only
/// accounts with a key are guarded. Pure state, no I/O.
/// </summary>
internal sealed class Dc09ReplayGuard(TimeSpan maxAge, TimeSpan maxAhead, int capacity = 4096)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, DateTimeOffset> _seen = [];
    private readonly Queue<(UInt128 Hash, DateTimeOffset Until)> _order = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time these bytes are offered inside the window; false for a repeat.</summary>
    public bool FirstTime(ReadOnlySpan<byte> frame, DateTimeOffset? timestamp, DateTimeOffset now)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(frame, digest);
        var hash = new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));

        // After this the window refuses the frame anyway; without a timestamp, the whole window from now.
        var until = (timestamp ?? now + maxAhead) + maxAge;
        lock (_lock)
        {
            Forget(now);
            if (_seen.TryGetValue(hash, out var remembered) && remembered >= now)
            {
                return false;
            }

            if (_seen.Count >= capacity)
            {
                // Only frames that decrypted with an account's key get here, so this takes a panel gone wild; the
                // oldest memory goes first.
                _seen.Remove(_order.Dequeue().Hash);
            }

            _seen[hash] = until;
            _order.Enqueue((hash, until));
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && oldest.Until < now)
        {
            _order.Dequeue();
            if (_seen.TryGetValue(oldest.Hash, out var until) && until == oldest.Until)
            {
                _seen.Remove(oldest.Hash);
            }
        }
    }
}
