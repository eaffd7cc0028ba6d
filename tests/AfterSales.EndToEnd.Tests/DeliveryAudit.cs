using System.Globalization;
using System.Text.Json;
using AfterSales.Protocol.Json;
using Microsoft.Data.Sqlite;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// Compares what the gateway took with what the cloud recorded (ticket occurrences, through the API)
/// and what is still in the gateway's outbox file.
/// </summary>
internal sealed record DeliveryAudit(
    int Taken,
    int InCloud,
    int InOutbox,
    IReadOnlyList<long> Missing,
    int DuplicatedOccurrences,
    int OrderViolations,
    int StaleOccurrences,
    int LateNotMarkedStale,
    IReadOnlyList<string> Faults)
{
    public bool Complete => Missing.Count == 0;

    public static async Task<DeliveryAudit> TakeAsync(Deployment deployment, IReadOnlySet<long> taken)
    {
        var occurrences = new List<(string DeviceId, string Fault, long Seq, bool Stale)>();
        foreach (var ticket in await deployment.GetTicketsAsync())
        {
            if (ticket.GetProperty("siteId").GetString() != Deployment.SiteId)
            {
                continue;
            }

            var device = ticket.GetProperty("deviceId").GetString()!;
            var fault = ticket.GetProperty("fault").GetString()!;
            var id = ticket.GetProperty("id").GetInt64();
            var rows = await deployment.GetJsonAsync($"/api/v1/tickets/{id.ToString(CultureInfo.InvariantCulture)}/occurrences");
            occurrences.AddRange(rows.EnumerateArray()
                // seq 0 marks what the cloud raised itself (gateway.offline when the gateway was killed).
                .Where(o => o.GetProperty("gatewayId").GetString() == Deployment.GatewayId && o.GetProperty("seq").GetInt64() > 0)
                .Select(o => (device, fault, o.GetProperty("seq").GetInt64(), o.GetProperty("stale").GetBoolean())));
        }

        var cloudSeqs = occurrences.Select(o => o.Seq).ToHashSet();
        var outboxSeqs = ReadOutbox(deployment.GatewayStateDirectory);
        var missing = taken.Where(s => !cloudSeqs.Contains(s) && !outboxSeqs.Contains(s)).Order().ToList();

        // Occurrences come back in arrival order per ticket, and a ticket is one device's one fault.
        var violations = occurrences
            .GroupBy(o => (o.DeviceId, o.Fault))
            .Sum(g => g.Zip(g.Skip(1)).Count(pair => pair.Second.Seq <= pair.First.Seq));

        // An event that came after a newer one of its device must be kept as history (stale), never
        // applied as the current state: that would undo newer state.
        var lateNotStale = occurrences
            .GroupBy(o => (o.DeviceId, o.Fault))
            .Sum(g => g.Select((o, i) => (o, newest: g.Take(i).Select(p => p.Seq).DefaultIfEmpty(0).Max())).Count(x => x.o.Seq <= x.newest && !x.o.Stale));
        return new DeliveryAudit(
            taken.Count,
            cloudSeqs.Count(taken.Contains),
            outboxSeqs.Count,
            missing,
            occurrences.Count - cloudSeqs.Count,
            violations,
            occurrences.Count(o => o.Stale),
            lateNotStale,
            [.. occurrences.Select(o => o.Fault).Distinct().Order()]);
    }

    public override string ToString() =>
        $"taken {Taken}, in cloud {InCloud}, still in outbox {InOutbox}, missing {Missing.Count}" +
        $"{(Missing.Count > 0 ? " (first: " + string.Join(", ", Missing.Take(10)) + ")" : string.Empty)}, " +
        $"duplicated occurrences {DuplicatedOccurrences}, per-device order violations {OrderViolations}, stale {StaleOccurrences}, late but not marked stale {LateNotMarkedStale}";

    private static HashSet<long> ReadOutbox(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "outbox.db");
        if (!File.Exists(path))
        {
            return [];
        }

        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT payload FROM outbox;";
        using var reader = command.ExecuteReader();
        var seqs = new HashSet<long>();
        while (reader.Read())
        {
            if (PayloadCodec.DecodeFaultEvent((byte[])reader.GetValue(0)).Value is { } e && e.GatewayId == Deployment.GatewayId)
            {
                seqs.Add(e.Seq);
            }
        }

        return seqs;
    }
}
