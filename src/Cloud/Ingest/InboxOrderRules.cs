namespace AfterSales.Cloud.Ingest;

/// <summary>
/// The order the desk works a batch of inbox rows in: site by site, in commit order, except that each
/// gateway's own events are put in seq order within the places they hold. A gateway that resent an
/// earlier event after a later one got through still has its events applied oldest first, and events
/// of different gateways of one site keep the order they arrived in.
/// </summary>
internal static class InboxOrderRules
{
    public static IReadOnlyList<IReadOnlyList<InboxEvent>> BySite(IReadOnlyList<InboxEvent> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sites = new List<IReadOnlyList<InboxEvent>>();
        foreach (var site in rows.OrderBy(r => r.Id).GroupBy(r => r.SiteId, StringComparer.Ordinal))
        {
            var ordered = site.ToArray();
            foreach (var gateway in ordered.Select((row, slot) => (row, slot)).GroupBy(x => x.row.GatewayId, StringComparer.Ordinal))
            {
                var slots = gateway.Select(x => x.slot).ToArray();
                var bySeq = gateway.Select(x => x.row).OrderBy(r => r.Seq).ThenBy(r => r.Id).ToArray();
                for (var i = 0; i < slots.Length; i++)
                {
                    ordered[slots[i]] = bySeq[i];
                }
            }

            sites.Add(ordered);
        }

        return sites;
    }
}
