using System.Text;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Simulation;

namespace AfterSales.Gateway.Tests.Configuration;

/// <summary>The panels, dc09Receiver and ptz sections: read as written, and every mistake named by its field.</summary>
public sealed class FieldInterfaceConfigTests
{
    private const string Head = """
        { "siteId": "site-001", "gatewayId": "gw-001", "broker": { "host": "127.0.0.1" },
        """;

    private const string Panels = """
        "panels": [ { "id": "panel", "protocol": "dsc-it100", "port": "/dev/ttyUSB0" },
                    { "id": "vista", "protocol": "ad2", "port": "/dev/ttyAMA0", "baudRate": 115200, "pollIntervalSeconds": 5, "missedPollsBeforeFault": 4 } ],
        """;

    private const string Receiver = """
        "dc09Receiver": { "tcpPort": 12300, "udpPort": 12300, "accounts": [ { "account": "1234", "panelId": "ip-panel", "key": "0123456789abcdef", "supervisionSeconds": 300 } ] },
        """;

    private const string Ptz = """
        "ptz": { "port": "/dev/ttyUSB1", "heads": [ { "id": "ptz-gate", "address": 1 }, { "id": "ptz-yard", "address": 2 } ] }
        """;

    [Fact]
    public void Parse_AllSections_ReadsThemWithDefaults()
    {
        var result = Parse(Head + Panels + Receiver + Ptz + "}");

        Assert.True(result.IsValid, result.Error);
        var config = result.Config!;
        Assert.Equal(["panel", "vista"], config.Panels.Select(p => p.Id));
        Assert.Null(config.Panels[0].BaudRate);
        Assert.Equal(10, config.Panels[0].PollIntervalSeconds);
        Assert.Equal(4, config.Panels[1].MissedPollsBeforeFault);
        Assert.Equal(40, config.Dc09Receiver!.MaxAgeSeconds);
        Assert.Equal("ip-panel", config.Dc09Receiver.Accounts[0].PanelId);
        Assert.Equal(2400, config.Ptz!.BaudRate);
        Assert.Equal(3, config.Ptz.MissedPollsBeforeFault);
    }

    [Theory]
    [InlineData("\"panels\": [ { \"id\": \"panel\", \"protocol\": \"sia-dc09\", \"port\": \"/dev/ttyUSB0\" } ]", "panels[0].protocol 'sia-dc09' must be one of")]
    [InlineData("\"panels\": [ { \"id\": \"panel\", \"protocol\": \"dsc-it100\", \"port\": \"\" } ]", "panels[0].port is missing")]
    [InlineData("\"panels\": [ { \"id\": \"panel\", \"protocol\": \"dsc-it100\", \"port\": \"/dev/x\", \"baudRate\": 9601 } ]", "panels[0].baudRate 9601 must be one of")]
    [InlineData("\"panels\": [ { \"id\": \"a\", \"protocol\": \"ad2\", \"port\": \"/dev/x\" }, { \"id\": \"b\", \"protocol\": \"ad2\", \"port\": \"/dev/x\" } ]", "panels[1].port '/dev/x' is already used by panels[0].port")]
    [InlineData("\"panels\": [ { \"id\": \"a b\", \"protocol\": \"ad2\", \"port\": \"/dev/x\" } ]", "panels[0].id 'a b' must be")]
    [InlineData("\"panels\": [ { \"id\": \"a\", \"protocol\": \"ad2\", \"port\": \"/dev/x\", \"pollSeconds\": 3 } ]", "panels[0].pollSeconds is not a known field")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"accounts\": [] }", "dc09Receiver.accounts is empty")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\" } ] }", "dc09Receiver.accounts[0] has no key: give the panel's AES key (keyFile or key), or set allowCleartext to true")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\", \"key\": \"0123456789abcdef\", \"allowCleartext\": true } ] }", "dc09Receiver.accounts[0].allowCleartext cannot go with a key")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\", \"key\": \"0123456789abcdef\", \"keyFile\": \"/k\" } ] }", "dc09Receiver.accounts[0] has both key and keyFile")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\", \"keyFile\": \"/nonexistent/dc09.key\" } ] }", "dc09Receiver.accounts[0].keyFile '/nonexistent/dc09.key' cannot be read")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"maxConnections\": 0, \"accounts\": [ { \"account\": \"1\", \"panelId\": \"p\", \"allowCleartext\": true } ] }", "dc09Receiver.maxConnections must be between 1 and 1024")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"idleTimeoutSeconds\": 1, \"accounts\": [ { \"account\": \"1\", \"panelId\": \"p\", \"allowCleartext\": true } ] }", "dc09Receiver.idleTimeoutSeconds must be between 5 and 86400")]
    [InlineData("\"dc09Receiver\": { \"tcpPort\": 12300, \"maxFrameBytes\": 5000, \"accounts\": [ { \"account\": \"1\", \"panelId\": \"p\", \"allowCleartext\": true } ] }", "dc09Receiver.maxFrameBytes must be between 64 and 4095")]
    [InlineData("\"dc09Receiver\": { \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\" } ] }", "dc09Receiver needs tcpPort or udpPort")]
    [InlineData("\"dc09Receiver\": { \"udpPort\": 1, \"accounts\": [ { \"account\": \"12G4\", \"panelId\": \"p\" } ] }", "dc09Receiver.accounts[0].account must be 1-16 hex digits")]
    [InlineData("\"dc09Receiver\": { \"udpPort\": 1, \"accounts\": [ { \"account\": \"1234\", \"panelId\": \"p\", \"key\": \"short\" } ] }", "dc09Receiver.accounts[0].key must be")]
    [InlineData("\"dc09Receiver\": { \"listenAddress\": \"site-lan\", \"udpPort\": 1, \"accounts\": [ { \"account\": \"1\", \"panelId\": \"p\", \"allowCleartext\": true } ] }", "dc09Receiver.listenAddress 'site-lan' is not an IP address")]
    [InlineData("\"ptz\": { \"port\": \"/dev/x\", \"heads\": [ { \"id\": \"a\", \"address\": 1 }, { \"id\": \"b\", \"address\": 1 } ] }", "ptz.heads[1].address 1 is used by another head")]
    [InlineData("\"ptz\": { \"port\": \"/dev/x\", \"heads\": [ { \"id\": \"a\", \"address\": 0 } ] }", "ptz.heads[0].address must be between 1 and 255")]
    [InlineData("\"ptz\": { \"port\": \"/dev/x\", \"pollIntervalSeconds\": 1, \"responseTimeoutMilliseconds\": 600, \"heads\": [ { \"id\": \"a\", \"address\": 1 }, { \"id\": \"b\", \"address\": 2 } ] }", "ptz.pollIntervalSeconds is too short")]
    [InlineData("\"panels\": [ { \"id\": \"cam\", \"protocol\": \"ad2\", \"port\": \"/dev/x\" } ], \"ptz\": { \"port\": \"/dev/y\", \"heads\": [ { \"id\": \"cam\", \"address\": 1 } ] }", "ptz.heads[0].id 'cam' is already used by panels[0].id")]
    [InlineData("\"inputs\": [ { \"pin\": 17, \"name\": \"AC relay\", \"deviceId\": \"panel\", \"deviceKind\": \"panel\", \"fault\": \"panel.ac_loss\", \"contact\": \"normallyClosed\" } ], \"panels\": [ { \"id\": \"panel\", \"protocol\": \"ad2\", \"port\": \"/dev/x\" } ]", "inputs[0].deviceId 'panel' is also panels[0].id")]
    [InlineData("\"simulation\": { \"steps\": [ { \"atSeconds\": 1, \"command\": \"panel p fire on\" } ] }", "simulation.steps[0].command: unknown command 'panel p fire on'")]
    [InlineData("\"simulation\": { \"steps\": [ { \"atSeconds\": 1, \"pin\": 4, \"command\": \"ptz 1 silent on\" } ] }", "simulation.steps[0] has a command, so it takes no pin or state")]
    public void Parse_Mistake_NamesTheField(string section, string expected)
    {
        var result = Parse(Head + section + "}");

        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("gateway.json: ", result.Error, StringComparison.Ordinal);
    }

    // Through the simulator's loader: these files carry a simulation script, which the gateway itself refuses.
    private static ConfigLoadResult Parse(string json) => SimulatorConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "gateway.json").Site;
}
