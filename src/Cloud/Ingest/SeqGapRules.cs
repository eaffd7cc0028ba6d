namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Which of a site's waiting events may be applied now, so each gateway's events are applied in seq
/// order even when several nodes took them (docs/ingest.md, "Order across nodes"). With a shared
/// subscription the broker hands one gateway's consecutive events to different nodes, and a node that
/// dies holds its share until it is back: a later event can be in the inbox before an earlier one.
/// An event waits, up to the hold, until the one before it is applied: the gateway names it
/// (<c>prevSeq</c>; 0 after a start, when there is nothing to wait for); for a gateway that does not
/// name it (older firmware) it is the seq just before. After the hold the missing event is taken as lost and the wait
/// ends; should it turn up later, the desk records it as stale, so it cannot undo newer state.
/// A gateway with nothing applied yet waits too when its event names a predecessor: at the start of a
/// burst its first event can still be on a node that is slower to commit, and applying the second one
/// first made the first stale. Without <c>prevSeq</c> such a gateway cannot say what came before, so it does not wait.
/// </summary>
internal static class SeqGapRules
{
    /// <param name="site">One site's rows in the order <see cref="InboxOrderRules"/> gives (each gateway's in seq order).</param>
    /// <param name="appliedUpTo">The highest seq applied per gateway; a gateway not in it has nothing applied yet.</param>
    public static IReadOnlyList<InboxEvent> Ready(IReadOnlyList<InboxEvent> site, IReadOnlyDictionary<string, long> appliedUpTo, DateTimeOffset now, TimeSpan hold)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(appliedUpTo);
        if (hold <= TimeSpan.Zero)
        {
            return site;
        }

        var highest = new Dictionary<string, long>(appliedUpTo, StringComparer.Ordinal);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var ready = new List<InboxEvent>(site.Count);
        foreach (var row in site)
        {
            if (waiting.Contains(row.GatewayId))
            {
                continue; // its gateway's later events wait with it
            }

            var anyApplied = highest.TryGetValue(row.GatewayId, out var done);
            if (WaitsForPredecessor(row, anyApplied, done) && now - row.ReceivedAt < hold)
            {
                waiting.Add(row.GatewayId);
                continue;
            }

            ready.Add(row);
            highest[row.GatewayId] = Math.Max(done, row.Seq);
        }

        return ready;
    }

    /// <summary>
    /// The gateways among these rows that wait for a predecessor the rows do not hold, each with the highest
    /// seq it has here: its missing predecessors, if committed, are that gateway's inbox rows below that seq.
    /// The worker reads only the oldest rows, and a predecessor that a restarting node committed late sits
    /// further on; unless it is fetched, the hold runs out behind a backlog and the later event overtakes it.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Gaps(IEnumerable<InboxEvent> rows, IReadOnlyDictionary<string, long> appliedUpTo)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(appliedUpTo);
        var gaps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var gateway in rows.GroupBy(r => r.GatewayId, StringComparer.Ordinal))
        {
            var known = appliedUpTo.TryGetValue(gateway.Key, out var highest);
            foreach (var row in gateway.OrderBy(r => r.Seq))
            {
                if (WaitsForPredecessor(row, known, highest))
                {
                    gaps[gateway.Key] = gateway.Max(r => r.Seq);
                    break;
                }

                highest = Math.Max(highest, row.Seq);
                known = true;
            }
        }

        return gaps;
    }

    /// <summary>Whether the event before <paramref name="row"/> is still to be applied, given the gateway's highest applied seq (if any).</summary>
    private static bool WaitsForPredecessor(InboxEvent row, bool anyApplied, long highestApplied)
    {
        var predecessor = row.PrevSeq ?? (anyApplied ? row.Seq - 1 : 0);
        return row.Seq > highestApplied && predecessor > highestApplied;
    }
}
