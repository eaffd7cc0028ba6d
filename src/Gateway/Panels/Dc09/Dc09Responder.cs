using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>
/// Pure receiver policy for one DC-09 frame: find the account and its key, check the envelope, decrypt, enforce the
/// timestamp window, and choose ACK, NAK or DUH. A frame that is answered NAK or DUH never reports a fault.
/// </summary>
internal sealed class Dc09Responder
{
    private static readonly string[] EventIds = ["SIA-DCS", "ADM-CID", "NULL"];

    private readonly Dc09ReceiverConfig _config;
    private readonly Dictionary<string, (Dc09AccountConfig Account, Dc09Key? Key)> _accounts;

    public Dc09Responder(Dc09ReceiverConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _accounts = new(StringComparer.OrdinalIgnoreCase);
        foreach (var account in config.Accounts)
        {
            // The validator has already refused a key that does not parse.
            _accounts[account.Account] = (account, Dc09Key.TryParse(account.KeyText(), out var key) ? key : null);
        }
    }

    public Dc09Verdict Judge(ReadOnlySpan<byte> frame, DateTimeOffset now)
    {
        // Decoding without a key still reads the clear envelope (CRC, length, id, account) before it needs one.
        var envelope = Dc09Codec.Decode(frame, null);
        var id = envelope.Field("id");
        if (id is null)
        {
            return Nak(now, envelope.Error ?? "unreadable frame");
        }

        var accountNumber = envelope.Field("account");
        if (accountNumber is null || !_accounts.TryGetValue(accountNumber, out var known))
        {
            return Duh(frame, now, $"account '{accountNumber}' is not configured", null);
        }

        if (!EventIds.Contains(id, StringComparer.Ordinal))
        {
            return Duh(frame, now, $"a panel does not send '{id}'", known.Account);
        }

        var encrypted = envelope.Field("encrypted") == "true";
        if (encrypted && known.Key is null)
        {
            return Duh(frame, now, "encrypted frame but the account has no key", known.Account);
        }

        if (!encrypted && known.Key is not null)
        {
            // An account with a key must not be spoofed in clear text.
            return Duh(frame, now, "clear-text frame for an account that encrypts", known.Account);
        }

        if (!encrypted && !known.Account.AllowCleartext)
        {
            // The validator refuses such an account; kept here so the rule holds whoever builds the config.
            return Duh(frame, now, "clear text is not allowed for this account (allowCleartext)", known.Account);
        }

        if (!Dc09Parser.TryParse(frame, known.Key, out var message, out var error))
        {
            return Nak(now, error!);
        }

        if (!Dc09TimestampWindow.IsWithin(message!.Timestamp, now, _config.MaxAge(), _config.MaxAhead()))
        {
            return Nak(now, $"timestamp {message.Timestamp:O} is outside the window around {now:O}");
        }

        var decoded = Dc09Codec.Decode(frame, known.Key);
        if (!decoded.Valid)
        {
            return Duh(frame, now, decoded.Error, known.Account);
        }

        return new Dc09Verdict(Dc09Answer.Ack, Dc09Responses.Ack(message, now, known.Key), null, known.Account, decoded.Faults, message);
    }

    private static Dc09Verdict Nak(DateTimeOffset now, string reason) => new(Dc09Answer.Nak, Dc09Responses.Nak(now), reason, null, []);

    private static Dc09Verdict Duh(ReadOnlySpan<byte> frame, DateTimeOffset now, string reason, Dc09AccountConfig? account)
    {
        // DUH echoes sequence and account, which only a readable envelope has; without one the answer is a NAK.
        return Dc09Parser.TryParse(frame, null, out var message, out _) || TryHeaderOnly(frame, out message)
            ? new Dc09Verdict(Dc09Answer.Duh, Dc09Responses.Duh(message!, now), reason, account, [])
            : new Dc09Verdict(Dc09Answer.Duh, Dc09Responses.Nak(now), reason, account, []);
    }

    /// <summary>An encrypted frame's clear header, read by parsing a copy whose data block is emptied.</summary>
    private static bool TryHeaderOnly(ReadOnlySpan<byte> frame, out Dc09Message? message)
    {
        message = null;
        var text = System.Text.Encoding.ASCII.GetString(frame);
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return false;
        }

        var content = text[9..(open + 1)].Replace("\"*", "\"", StringComparison.Ordinal) + "]";
        return Dc09Parser.TryParse(Dc09Framing.Wrap(System.Text.Encoding.ASCII.GetBytes(content)), null, out message, out _);
    }
}
