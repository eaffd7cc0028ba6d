using System.Text;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>Logs, counts and keeps every refused message, so nothing a gateway sends vanishes unexplained.</summary>
internal sealed partial class RejectionLog(
    IDbContextFactory<CloudDb> dbs,
    IngestCounters counters,
    TimeProvider time,
    ILogger<RejectionLog> log)
{
    public async Task RejectAsync(string topic, ReadOnlyMemory<byte> payload, string category, string reason, CancellationToken cancellationToken)
    {
        counters.CountRejected(category);
        var excerpt = Excerpt(payload.Span);
        LogRejected(log, topic, category, reason, excerpt.Length > 200 ? excerpt[..200] : excerpt);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.RejectedMessages.Add(new RejectedMessage
        {
            Topic = topic.Length > 300 ? topic[..300] : topic,
            Reason = $"{category}: {reason}" is { Length: > 500 } r ? r[..500] : $"{category}: {reason}",
            ReceivedAt = time.GetUtcNow(),
            PayloadExcerpt = excerpt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Excerpt(ReadOnlySpan<byte> payload)
    {
        var slice = payload.Length > RejectedMessageLimits.ExcerptChars ? payload[..RejectedMessageLimits.ExcerptChars] : payload;
        var text = Encoding.UTF8.GetString(slice);
        return text.Length > RejectedMessageLimits.ExcerptChars ? text[..RejectedMessageLimits.ExcerptChars] : text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected message on {Topic} ({Category}): {Reason}; payload starts {Excerpt}")]
    private static partial void LogRejected(ILogger logger, string topic, string category, string reason, string excerpt);
}
