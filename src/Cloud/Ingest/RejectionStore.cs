using System.Text;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>Logs, counts and keeps every refused message, so nothing a gateway sends vanishes unexplained.</summary>
internal sealed partial class RejectionStore(
    IDbContextFactory<CloudDb> dbs,
    IngestCounters counters,
    TimeProvider time,
    ILogger<RejectionStore> log)
{
    public async Task RejectAsync(string topic, ReadOnlyMemory<byte> payload, string category, string reason, CancellationToken cancellationToken)
    {
        counters.CountRejected(category);
        var excerpt = Excerpt(payload.Span);
        LogRejected(log, topic, category, reason, RejectedMessageLimits.Clip(excerpt, 200));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.RejectedMessages.Add(new RejectedMessage
        {
            Topic = RejectedMessageLimits.Clip(topic, RejectedMessageLimits.TopicChars),
            Reason = RejectedMessageLimits.Clip($"{category}: {reason}", RejectedMessageLimits.ReasonChars),
            ReceivedAt = time.GetUtcNow(),
            PayloadExcerpt = excerpt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    // Decoding at most N bytes yields at most N characters, so the byte cut is the only cut needed.
    private static string Excerpt(ReadOnlySpan<byte> payload) =>
        Encoding.UTF8.GetString(payload.Length > RejectedMessageLimits.ExcerptChars ? payload[..RejectedMessageLimits.ExcerptChars] : payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected message on {Topic} ({Category}): {Reason}; payload starts {Excerpt}")]
    private static partial void LogRejected(ILogger logger, string topic, string category, string reason, string excerpt);
}
