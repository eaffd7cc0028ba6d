using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Telemetry;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Works the inbox: the oldest committed events, site by site in order, through the ingest pipeline
/// into the service desk, then deletes what was applied. A crash anywhere leaves the rows in place,
/// so the next start applies them again; the desk knows each event id and counts a repeat as a
/// duplicate, so nothing is applied twice.
/// </summary>
internal sealed partial class InboxWorker(
    InboxStore store,
    IngestPipeline pipeline,
    InboxSignal signal,
    InboxWriteTurns turns,
    InboxSiteClaimStore claims,
    AppliedSeqStore appliedSeqs,
    IOptions<InboxOptions> options,
    IOptions<BrokerOptions> broker,
    TimeProvider time,
    ILogger<InboxWorker> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkInbox)
        {
            LogNotWorking(log);
            return;
        }

        var idle = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.IdlePollMilliseconds));
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            int applied;
            try
            {
                applied = await WorkOnceAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database is away; the rows wait in the inbox until it is back.
                LogPassFailed(log, backoff.TotalSeconds, ex.Message);
                await signal.WaitAsync(backoff, time, stoppingToken);
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                continue;
            }

            if (applied == 0)
            {
                await signal.WaitAsync(idle, time, stoppingToken);
            }
        }
    }

    /// <summary>One pass over the oldest rows; returns how many were applied and removed.</summary>
    internal async Task<int> WorkOnceAsync(CancellationToken cancellationToken)
    {
        var rows = await store.OldestAsync(Math.Max(1, options.Value.WorkBatch), cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Every site this node can claim is worked in one desk transaction: one commit for the pass,
        // not one per site. Claims are held until the applied rows are deleted, so the next holder of
        // a site never sees an applied row.
        var bySite = InboxOrderRules.BySite(rows);
        await using var claim = await claims.ClaimAsync([.. bySite.Select(site => site[0].SiteId)], cancellationToken);

        // Sites another node is working right now are left: their rows stay for that node.
        var mine = bySite.Where(site => claim.Claimed.Contains(site[0].SiteId)).ToList();

        // Rows another node applied (and deleted) since this pass read them are not applied again.
        var still = await store.StillWaitingAsync([.. mine.SelectMany(site => site.Select(r => r.Id))], cancellationToken);
        var waiting = mine.Select(site => (IReadOnlyList<InboxEvent>)[.. site.Where(r => still.Contains(r.Id))]).Where(site => site.Count > 0).ToList();
        var applied = await ApplyAsync(await WithoutGapsAsync(waiting, cancellationToken), cancellationToken);
        if (applied.Count > 0)
        {
            using (await turns.TakeAsync(cancellationToken))
            {
                await store.DeleteAsync(applied, cancellationToken);
            }
        }

        return applied.Count;
    }

    /// <summary>
    /// Each site's rows that may be applied now, in order; a gateway's events behind a missing seq wait
    /// (<see cref="SeqGapRules"/>). A missing predecessor that is already in the inbox, beyond the rows this
    /// pass read, is fetched and applied first (the sites are claimed, so their rows are this node's to work).
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<InboxEvent>>> WithoutGapsAsync(List<IReadOnlyList<InboxEvent>> sites, CancellationToken cancellationToken)
    {
        var hold = options.Value.SeqGapHold(broker.Value.SharedSubscription);
        if (hold <= TimeSpan.Zero || sites.Count == 0)
        {
            return sites;
        }

        var rows = sites.SelectMany(site => site).ToList();
        var applied = await appliedSeqs.HighestAsync([.. rows.Select(r => r.GatewayId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var read = rows.Select(r => r.Id).ToHashSet();
        var claimed = rows.Select(r => r.SiteId).ToHashSet(StringComparer.Ordinal);
        var predecessors = (await store.BelowSeqAsync(SeqGapRules.Gaps(rows, applied), cancellationToken))
            .Where(r => !read.Contains(r.Id) && claimed.Contains(r.SiteId))
            .ToList();
        var ordered = predecessors.Count == 0 ? sites : InboxOrderRules.BySite([.. rows, .. predecessors]);
        var now = time.GetUtcNow();
        return [.. ordered.Select(site => SeqGapRules.Ready(site, applied, now, hold)).Where(site => site.Count > 0)];
    }

    /// <summary>
    /// The claimed sites' rows, in order, in desk transactions of <see cref="InboxOptions.DeskBatch"/>
    /// events. A transaction that fails is applied again site by site; a site with an event that cannot
    /// be applied stops there for this pass (its later rows, in later transactions too, wait).
    /// </summary>
    private async Task<IReadOnlyList<long>> ApplyAsync(IReadOnlyList<IReadOnlyList<InboxEvent>> sites, CancellationToken cancellationToken)
    {
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var applied = new List<long>();
        foreach (var chunk in sites.SelectMany(site => site).Chunk(Math.Max(1, options.Value.DeskBatch)))
        {
            var rows = chunk.Where(r => !blocked.Contains(r.SiteId)).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            if (await TryApplyTogetherAsync(rows, cancellationToken))
            {
                applied.AddRange(rows.Select(r => r.Id));
                continue;
            }

            foreach (var site in rows.GroupBy(r => r.SiteId, StringComparer.Ordinal))
            {
                var done = await ApplyInOrderAsync([.. site], cancellationToken);
                applied.AddRange(done);
                if (done.Count < site.Count())
                {
                    blocked.Add(site.Key);
                }
            }
        }

        return applied;
    }

    private async Task<bool> TryApplyTogetherAsync(List<InboxEvent> rows, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.ApplyEventsAsync([.. rows.Select(Incoming)], cancellationToken);

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(log, rows.Count, rows[0].SiteId, ex.Message);
            return false;
        }
    }

    /// <summary>A site's rows one by one, so a bad row holds up only what comes after it on its site. Returns the ids applied.</summary>
    private async Task<IReadOnlyList<long>> ApplyInOrderAsync(IReadOnlyList<InboxEvent> rows, CancellationToken cancellationToken)
    {
        var applied = new List<long>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                await pipeline.ApplyEventsAsync([Incoming(row)], cancellationToken);

                applied.Add(row.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The rest of this site waits behind the failed event, so its order holds;
                // other sites go on. The row stays and is tried again at the next pass.
                LogApplyFailed(log, row.Id, row.SiteId, row.Seq, ex);
                break;
            }
        }

        return applied;
    }

    private static IncomingEvent Incoming(InboxEvent row) => new(row.Topic, row.SiteId, row.Payload, row.TraceParent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} inbox rows (first site {SiteId}) could not be applied together ({Reason}); applying them in smaller steps")]
    private static partial void LogBatchFailed(ILogger logger, int count, string siteId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {RowId} (site {SiteId}, seq {Seq}) could not be applied; the site's later events wait behind it")]
    private static partial void LogApplyFailed(ILogger logger, long rowId, string siteId, long seq, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest:WorkInbox is false: this node takes events into the inbox and leaves working them to other nodes")]
    private static partial void LogNotWorking(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox pass failed; trying again in {Seconds} s: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, double seconds, string reason);
}
