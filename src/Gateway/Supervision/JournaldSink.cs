using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace AfterSales.Gateway.Supervision;

/// <summary>
/// Writes each log event to the systemd journal's native socket, so every property of the
/// message template becomes a journal field (<c>journalctl -u aftersales-gateway SEQ=42</c>,
/// <c>FAULT=panel.ac_loss</c>) and the level becomes the journal PRIORITY.
/// </summary>
internal sealed class JournaldSink : ILogEventSink, IDisposable
{
    public const string DefaultSocket = "/run/systemd/journal/socket";
    public const string Identifier = "aftersales-gateway";

    // Strings as written (":l"), not quoted: the journal line should read like the console line.
    private static readonly MessageTemplateTextFormatter MessageFormat = new("{Message:lj}", CultureInfo.InvariantCulture);

    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endpoint;
    private readonly Lock _lock = new();

    public JournaldSink(string socketPath = DefaultSocket) => _endpoint = new UnixDomainSocketEndPoint(socketPath);

    /// <summary>systemd sets JOURNAL_STREAM when the service's output goes to the journal.</summary>
    public static bool UnderJournal => Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 } && File.Exists(DefaultSocket);

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var datagram = new MemoryStream(512);
        var message = new StringWriter(CultureInfo.InvariantCulture);
        MessageFormat.Format(logEvent, message);
        Field(datagram, "MESSAGE", message + (logEvent.Exception is null ? string.Empty : "\n" + logEvent.Exception));
        Field(datagram, "PRIORITY", Priority(logEvent.Level).ToString(CultureInfo.InvariantCulture));
        Field(datagram, "SYSLOG_IDENTIFIER", Identifier);
        Field(datagram, "MESSAGE_TEMPLATE", logEvent.MessageTemplate.Text);
        foreach (var (name, value) in logEvent.Properties)
        {
            var field = FieldName(name);
            if (field.Length > 0)
            {
                Field(datagram, field, value is ScalarValue { Value: var v } ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty : value.ToString());
            }
        }

        lock (_lock)
        {
            try
            {
                _socket.SendTo(datagram.GetBuffer().AsSpan(0, (int)datagram.Length), SocketFlags.None, _endpoint);
            }
            catch (SocketException)
            {
                // journald restarting: the console copy of the line still reaches it through stdout.
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>syslog priorities: 2 crit, 3 err, 4 warning, 6 info, 7 debug.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        LogEventLevel.Debug or LogEventLevel.Verbose => 7,
        _ => 6,
    };

    /// <summary>Journal field names are upper-case letters, digits and '_', not starting with '_' or a digit.</summary>
    public static string FieldName(string property)
    {
        var name = new StringBuilder(property.Length);
        foreach (var c in property)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                name.Append(char.ToUpperInvariant(c));
            }
        }

        while (name.Length > 0 && (name[0] == '_' || char.IsAsciiDigit(name[0])))
        {
            name.Remove(0, 1);
        }

        return name.Length > 64 ? name.ToString(0, 64) : name.ToString();
    }

    private static void Field(MemoryStream datagram, string name, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        datagram.Write(Encoding.ASCII.GetBytes(name));
        if (Array.IndexOf(bytes, (byte)'\n') < 0)
        {
            datagram.WriteByte((byte)'=');
            datagram.Write(bytes);
        }
        else
        {
            // A value with a newline goes as NAME\n, a 64-bit little-endian length, then the raw bytes.
            datagram.WriteByte((byte)'\n');
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)bytes.Length);
            datagram.Write(length);
            datagram.Write(bytes);
        }

        datagram.WriteByte((byte)'\n');
    }
}
