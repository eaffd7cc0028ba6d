using System.Buffers.Binary;
using System.Text;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using Serilog;
using Serilog.Events;

namespace AfterSales.Gateway.Tests.Supervision;

public sealed class JournaldSinkTests
{
    [Fact]
    public void Emit_FaultLogLine_ArrivesAsJournalFieldsWithPriority()
    {
        using var journal = new DatagramListener();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new JournaldSink(journal.Path)).CreateLogger())
        {
            logger.Warning("Fault {Fault} {State} on {DeviceId}, seq {Seq} queued", "panel.ac_loss", "raised", "panel", 42L);
        }

        var fields = Parse(journal.Receive());

        Assert.Equal("Fault panel.ac_loss raised on panel, seq 42 queued", fields["MESSAGE"]);
        Assert.Equal("4", fields["PRIORITY"]);
        Assert.Equal("aftersales-gateway", fields["SYSLOG_IDENTIFIER"]);
        Assert.Equal("panel.ac_loss", fields["FAULT"]);
        Assert.Equal("42", fields["SEQ"]);
        Assert.Equal("panel", fields["DEVICEID"]);
    }

    [Fact]
    public void Emit_ExceptionWithNewlines_SentInTheBinaryFieldForm()
    {
        using var journal = new DatagramListener();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new JournaldSink(journal.Path)).CreateLogger())
        {
            logger.Error(new InvalidOperationException("line one\nline two"), "Reading the inputs failed");
        }

        var fields = Parse(journal.Receive());

        Assert.StartsWith("Reading the inputs failed\nSystem.InvalidOperationException: line one\nline two", fields["MESSAGE"], StringComparison.Ordinal);
        Assert.Equal("3", fields["PRIORITY"]);
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, 2)]
    [InlineData(LogEventLevel.Information, 6)]
    [InlineData(LogEventLevel.Debug, 7)]
    public void Priority_Levels_MapToSyslog(LogEventLevel level, int expected) => Assert.Equal(expected, JournaldSink.Priority(level));

    [Theory]
    [InlineData("FaultEventId", "FAULTEVENTID")]
    [InlineData("_private", "PRIVATE")]
    [InlineData("9lives", "LIVES")]
    public void FieldName_Property_BecomesAValidJournalField(string property, string expected) =>
        Assert.Equal(expected, JournaldSink.FieldName(property));

    /// <summary>The journal native protocol: NAME=value\n, or NAME\n + 64-bit LE length + bytes + \n.</summary>
    private static Dictionary<string, string> Parse(byte[] datagram)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < datagram.Length)
        {
            var end = Array.IndexOf(datagram, (byte)'\n', at);
            var line = Encoding.UTF8.GetString(datagram, at, end - at);
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                fields[line[..eq]] = line[(eq + 1)..];
                at = end + 1;
                continue;
            }

            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(datagram.AsSpan(end + 1, 8));
            fields[line] = Encoding.UTF8.GetString(datagram, end + 9, length);
            at = end + 9 + length + 1;
        }

        return fields;
    }
}
