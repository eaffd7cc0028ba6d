using System.Globalization;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// The clear-text tail of a DC-09 frame after '[': <c>data]</c>, any <c>[x-data]</c> blocks and the
/// <c>_HH:MM:SS,MM-DD-YYYY</c> timestamp. The data may start with <c>#acct|</c> and go on with <c>|Atext</c> fields.
/// </summary>
internal static class Dc09Body
{
    public static bool TryParse(string body, bool encrypted, Dc09Header header, PanelFields fields, out Dc09Message? message, out string? error)
    {
        message = null;
        var close = body.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            error = "data block has no ']'";
            return false;
        }

        // '|' separates the fields of the data block, as receivers read it: an optional account (#1234), the event
        // data, then optional further fields such as the ASCII text of SIA DC-04 ('A' and the text). Encrypted frames
        // carry the same block after their pad, which the parser has already cut off.
        var parts = body[..close].Split('|');
        var first = parts.Length > 1 && IsAccount(parts[0]) || parts[0].StartsWith('#') ? 1 : 0;
        var dataAccount = first == 1 ? parts[0].TrimStart('#') : null;
        var data = parts.Length > first ? parts[first] : string.Empty;
        string[] extra = parts.Length > first + 1 ? parts[(first + 1)..] : [];
        if (data.Contains('[', StringComparison.Ordinal) || extra.Any(x => x.Contains('[', StringComparison.Ordinal)))
        {
            error = "data block holds a stray '['";
            return false;
        }

        var rest = body.AsSpan(close + 1);
        var extended = new List<string>();
        while (rest.Length > 0 && rest[0] == '[')
        {
            var end = rest.IndexOf(']');
            if (end < 0)
            {
                error = "x-data block has no ']'";
                return false;
            }

            extended.Add(rest[1..end].ToString());
            rest = rest[(end + 1)..];
        }

        DateTimeOffset? timestamp = null;
        if (rest.Length > 0)
        {
            if (rest[0] != '_' || !Dc09Framing.TryParseTimestamp(rest[1..], out var ts))
            {
                error = "timestamp must be _HH:MM:SS,MM-DD-YYYY";
                return false;
            }

            timestamp = ts;
        }
        else if (encrypted)
        {
            error = "encrypted frame must carry a timestamp";
            return false;
        }

        if (dataAccount is not null)
        {
            fields.Add("dataAccount", dataAccount);
        }

        fields.Add("data", data);
        foreach (var field in extra)
        {
            // 'A' starts the ASCII text block (DC-04); anything else is kept as it came.
            _ = field.StartsWith('A') ? fields.Add("text", field[1..]) : fields.Add("field", field);
        }

        foreach (var x in extended)
        {
            fields.Add("xdata", x);
        }

        if (timestamp is { } t)
        {
            fields.Add("timestamp", t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        message = new Dc09Message(header.Id, encrypted, header.Sequence, header.Receiver, header.Prefix, header.Account, data, dataAccount, extended, timestamp, extra);
        error = null;
        return true;
    }

    /// <summary>An account before the data: 1–16 hex digits, with or without the '#' DC-09 puts in front.</summary>
    private static bool IsAccount(string field)
    {
        var digits = field.StartsWith('#') ? field[1..] : field;
        return digits.Length is > 0 and <= 16 && digits.All(Uri.IsHexDigit);
    }
}
