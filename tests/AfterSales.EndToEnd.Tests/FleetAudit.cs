using System.Data.Common;
using AfterSales.Protocol.Json;
using Microsoft.Data.Sqlite;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// What the gateways took (their logs), against what the cloud applied (its occurrences, read from
/// its database, either engine) and what is still in each gateway's outbox. Counted per gateway, summed.
/// </summary>
internal sealed record FleetAudit(int Sent, int Stored, int InInbox, int InOutbox, int Lost, int Duplicated, int OrderViolations, int Stale, IReadOnlyList<string> FirstLost, IReadOnlyList<string> FirstOutOfOrder)
{
    public bool Drained => Stored == Sent && InOutbox == 0;

    public static FleetAudit Take(CloudFleet fleet, IReadOnlyList<BurstLedger> ledgers)
    {
        var occurrences = fleet.HasCloudDatabase ? ReadOccurrences(fleet.OpenCloudDatabase()) : [];
        var inbox = fleet.HasCloudDatabase ? ReadPayloadSeqs(fleet.OpenInbox(), "SELECT \"Payload\" FROM \"IngestInbox\";") : [];
        int sent = 0, stored = 0, inInbox = 0, inOutbox = 0, lost = 0;
        var firstLost = new List<string>();
        for (var i = 0; i < fleet.Sites; i++)
        {
            var taken = ledgers[i].Taken;
            var inCloud = occurrences.Where(o => o.GatewayId == CloudFleet.GatewayId(i)).Select(o => o.Seq).ToHashSet();
            var outbox = OutboxSeqs(fleet, i)
                .Where(e => e.GatewayId == CloudFleet.GatewayId(i)).Select(e => e.Seq).ToHashSet();
            var waiting = inbox.Where(e => e.GatewayId == CloudFleet.GatewayId(i)).Select(e => e.Seq).ToHashSet();
            var missing = taken.Where(s => !inCloud.Contains(s) && !waiting.Contains(s) && !outbox.Contains(s)).Order().ToList();
            inInbox += taken.Count(s => !inCloud.Contains(s) && waiting.Contains(s));
            sent += taken.Count;
            stored += taken.Count(inCloud.Contains);
            inOutbox += outbox.Count;
            lost += missing.Count;
            firstLost.AddRange(missing.Take(3).Select(s => $"{CloudFleet.GatewayId(i)}#{s}"));
        }

        var duplicated = occurrences.Count - occurrences.Select(o => (o.GatewayId, o.Seq)).Distinct().Count();

        // Applied order is occurrence id order; one device's one fault of one gateway must rise in seq.
        var violations = occurrences
            .GroupBy(o => (o.GatewayId, o.DeviceId, o.Fault))
            .SelectMany(g => g.OrderBy(o => o.Id).Zip(g.OrderBy(o => o.Id).Skip(1)).Where(p => p.Second.Seq <= p.First.Seq))
            .Select(p => $"{p.First.GatewayId} {p.First.DeviceId} {p.First.Fault}: #{p.Second.Seq} after #{p.First.Seq}")
            .ToList();
        return new FleetAudit(sent, stored, inInbox, inOutbox, lost, duplicated, violations.Count, occurrences.Count(o => o.Stale), firstLost, [.. violations.Take(10)]);
    }

    public override string ToString() =>
        $"sent {Sent}, stored {Stored}, in the cloud's inbox {InInbox}, still in outboxes {InOutbox}, lost {Lost}" +
        $"{(FirstLost.Count > 0 ? " (" + string.Join(", ", FirstLost.Take(10)) + ")" : string.Empty)}, " +
        $"duplicated {Duplicated}, order violations {OrderViolations}" +
        $"{(FirstOutOfOrder.Count > 0 ? " (" + string.Join("; ", FirstOutOfOrder) + ")" : string.Empty)}, stale {Stale}";

    private static List<Occurrence> ReadOccurrences(DbConnection connection)
    {
        var list = new List<Occurrence>();
        using var db = connection;
        db.Open();
        using var command = db.CreateCommand();

        // seq 0 marks what the cloud raised itself (gateway.offline while the cloud was down).
        command.CommandText = "SELECT \"Id\", \"GatewayId\", \"Seq\", \"DeviceId\", \"Fault\", \"Stale\" FROM \"Occurrences\" WHERE \"Seq\" > 0;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new Occurrence(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5)));
        }

        return list;
    }

    /// <summary>(gateway, seq) of every decodable event payload a query returns.</summary>
    private static List<(string GatewayId, long Seq)> ReadPayloadSeqs(DbConnection connection, string query)
    {
        var seqs = new List<(string, long)>();
        using var db = connection;
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (PayloadCodec.DecodeFaultEvent((byte[])reader.GetValue(0)).Value is { } e)
            {
                seqs.Add((e.GatewayId, e.Seq));
            }
        }

        return seqs;
    }

    private static List<(string GatewayId, long Seq)> OutboxSeqs(CloudFleet fleet, int i)
    {
        var file = Path.Combine(fleet.StateDirectory(i), "outbox.db");
        return File.Exists(file) ? ReadPayloadSeqs(OpenSqlite(file), "SELECT payload FROM outbox;") : [];
    }

    private static SqliteConnection OpenSqlite(string path) => new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    private sealed record Occurrence(long Id, string GatewayId, long Seq, string DeviceId, string Fault, bool Stale);
}
