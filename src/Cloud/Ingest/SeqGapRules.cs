namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Which of a site's waiting events may be applied now, so each gateway's events are applied in seq
/// order even when several nodes took them (docs/ingest.md, "Order across nodes"). With a shared
/// subscription the broker hands one gateway's consecutive events to different nodes, and a node that
/// dies holds its share until it is back: a later event can be in the inbox before an earlier one.
/// A gateway's event whose predecessor is missing waits, up to the hold, for it to arrive; after that
/// the gap is taken as a real one (a gateway that restarted skips the rest of its reserved seq block)
/// and the event is applied. A missing event that turns up later still counts: the desk records it as
/// stale, so it cannot undo newer state.
/// </summary>
internal static class SeqGapRules
{
    /// <param name="site">One site's rows in the order <see cref="InboxOrderRules"/> gives (each gateway's in seq order).</param>
    /// <param name="appliedUpTo">The highest seq applied per gateway; a gateway not in it has nothing applied yet and does not wait.</param>
    public static IReadOnlyList<InboxEvent> Ready(IReadOnlyList<InboxEvent> site, IReadOnlyDictionary<string, long> appliedUpTo, DateTimeOffset now, TimeSpan hold)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(appliedUpTo);
        if (hold <= TimeSpan.Zero)
        {
            return site;
        }

        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var ready = new List<InboxEvent>(site.Count);
        foreach (var row in site)
        {
            if (waiting.Contains(row.GatewayId))
            {
                continue; // behind a gap: its gateway's later events wait with it
            }

            // Undecodable rows (seq 0) go on to be rejected with their reason.
            var expected = next.TryGetValue(row.GatewayId, out var n) ? n : appliedUpTo.TryGetValue(row.GatewayId, out var applied) ? applied + 1 : row.Seq;
            if (row.Seq > expected && now - row.ReceivedAt < hold)
            {
                waiting.Add(row.GatewayId);
                continue;
            }

            ready.Add(row);
            next[row.GatewayId] = Math.Max(expected, row.Seq + 1);
        }

        return ready;
    }
}
