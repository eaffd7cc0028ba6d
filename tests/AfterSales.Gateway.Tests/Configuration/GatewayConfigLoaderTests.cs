using System.Text;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Configuration;

public sealed class GatewayConfigLoaderTests
{
    private const string Valid = """
        {
          "siteId": "site-001", "gatewayId": "gw-001",
          "stateDirectory": "/var/lib/aftersales",
          "broker": { "host": "127.0.0.1", "port": 1883, "username": "gw-001", "password": "secret", "useTls": false },
          "heartbeatIntervalSeconds": 30,
          "pollIntervalMilliseconds": 10,
          "inputs": [
            { "pin": 17, "name": "Panel AC power relay", "deviceId": "panel", "deviceKind": "panel", "fault": "panel.ac_loss", "contact": "normallyClosed", "debounceMilliseconds": 200, "severity": "major" },
            { "pin": 27, "name": "Panel tamper", "deviceId": "panel", "deviceKind": "panel", "fault": "panel.tamper", "contact": "normallyOpen" },
            { "pin": 22, "name": "PSU relay", "deviceId": "psu-1", "deviceKind": "power", "fault": "power.mains_loss", "contact": "normallyClosed" }
          ],
          "simulation": { "steps": [ { "atSeconds": 5, "pin": 17, "state": "fault" }, { "atSeconds": 20, "pin": 17, "state": "normal" } ], "repeatEverySeconds": 0 }
        }
        """;

    [Fact]
    public void Load_ShippedSimulateFile_IsValid()
    {
        // The simulate file is read by the simulator, which takes its script out.
        var result = SimulatorConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "deploy", "gateway.simulate.json")).Site;

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Load_ShippedExample_ValidOnceItsKeyFilesAreInstalledAndShipsNoKey()
    {
        var example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "gateway.example.json"));
        Assert.DoesNotContain("\"key\"", example, StringComparison.Ordinal);

        // Where an installer puts them: the cloud's public key and a DC-09 key generated for the panel.
        using var etc = new TempDirectory();
        using var cloud = new CloudSigner(etc.Path);
        File.Copy(cloud.PublicKeyFile, etc.File("cloud-config-key.pem"));
        File.WriteAllText(etc.File("dc09-1234.key"), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) + "\n");
        var path = etc.File("gateway.json");
        File.WriteAllText(path, example.Replace("/etc/aftersales/", etc.Path + "/", StringComparison.Ordinal));

        var result = GatewayConfigLoader.Load(path);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("ip-panel", result.Config!.Dc09Receiver!.Accounts[0].PanelId);
    }

    [Fact]
    public void Load_ShippedExampleWithoutItsKeyFiles_NamesTheMissingFile()
    {
        var result = GatewayConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "deploy", "gateway.example.json"));

        Assert.StartsWith("gateway.example.json: cloudConfigKey '/etc/aftersales/cloud-config-key.pem' cannot be used: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryFieldAndDefaults()
    {
        var result = Parse(Valid);

        Assert.True(result.IsValid, result.Error);
        var config = result.Config;
        Assert.Equal("site-001", config.SiteId);
        Assert.Equal("secret", config.Broker.Password);
        Assert.Equal(ContactType.NormallyOpen, config.Inputs[1].Contact);
        Assert.Equal(200, config.Inputs[1].DebounceMilliseconds);
        Assert.Equal(FaultSeverity.Major, config.Inputs[1].EffectiveSeverity);
        Assert.Equal(DeviceKind.Power, config.Inputs[2].DeviceKind);
        Assert.Equal(InputCondition.Fault, Script(Valid).Steps[0].State);
        Assert.Equal(GatewayLogLevel.Information, config.LogLevel);
    }

    [Fact]
    public void Parse_SimulationScriptOnTheGateway_IsAnUnknownField()
    {
        var result = GatewayConfigLoader.Parse(Encoding.UTF8.GetBytes(Valid), "gateway.json");

        Assert.False(result.IsValid);
        Assert.Equal("gateway.json: simulation is not a known field", result.Error);
    }

    [Fact]
    public void Parse_LogLevel_IsReadAndAnUnknownOneNamesTheField()
    {
        var debug = Parse(Valid.Replace("\"pollIntervalMilliseconds\": 10,", "\"pollIntervalMilliseconds\": 10, \"logLevel\": \"debug\",", StringComparison.Ordinal));
        var verbose = Parse(Valid.Replace("\"pollIntervalMilliseconds\": 10,", "\"pollIntervalMilliseconds\": 10, \"logLevel\": \"verbose\",", StringComparison.Ordinal));

        Assert.True(debug.IsValid, debug.Error);
        Assert.Equal(GatewayLogLevel.Debug, debug.Config.LogLevel);
        Assert.StartsWith("gateway.json: logLevel: ", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gateway.json");

        var result = GatewayConfigLoader.Load(path);

        Assert.False(result.IsValid);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.Contains("not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadJson_NamesTheFileAndLine()
    {
        var result = Parse("{\n  \"siteId\": \"site-001\",\n  \"gatewayId\": \n}");

        Assert.False(result.IsValid);
        Assert.StartsWith("gateway.json: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("line", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ComputedPropertyNameUsedAsField_IsRefusedAsUnknown()
    {
        // "pollInterval" is what a reader of the code might write; only "pollIntervalMilliseconds" is a field.
        var result = Parse(Valid.Replace("\"siteId\"", "\"pollInterval\": 50, \"siteId\"", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains("pollInterval", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFaultCode_NamesTheInputField()
    {
        var result = Parse(Valid.Replace("\"power.mains_loss\"", "\"panel.acloss\"", StringComparison.Ordinal));

        Assert.Equal("gateway.json: inputs[2].fault 'panel.acloss' is not a known fault code (give inputs[2].severity to use a new code)", result.Error);
    }

    [Fact]
    public void Parse_MalformedFaultCode_IsRejectedEvenWithSeverity()
    {
        var result = Parse(Valid.Replace("\"panel.ac_loss\"", "\"Panel AC\"", StringComparison.Ordinal));

        Assert.Equal("gateway.json: inputs[0].fault 'Panel AC' is not a known fault code", result.Error);
    }

    [Fact]
    public void Parse_NewWellFormedCodeWithSeverity_IsAccepted()
    {
        var result = Parse(Valid.Replace("\"panel.ac_loss\"", "\"panel.fuse_blown\"", StringComparison.Ordinal));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Parse_DuplicatePin_NamesBothInputs()
    {
        var result = Parse(Valid.Replace("\"pin\": 22", "\"pin\": 17", StringComparison.Ordinal));

        Assert.Equal("gateway.json: inputs[2].pin 17 is already used by inputs[0]", result.Error);
    }

    [Fact]
    public void Parse_MissingSiteId_NamesTheField()
    {
        var result = Parse(Valid.Replace("\"siteId\": \"site-001\",", string.Empty, StringComparison.Ordinal));

        Assert.Equal("gateway.json: siteId is missing", result.Error);
    }

    [Fact]
    public void Parse_InvalidGatewayId_NamesTheField()
    {
        var result = Parse(Valid.Replace("\"gw-001\",", "\"gw/001\",", StringComparison.Ordinal));

        Assert.StartsWith("gateway.json: gatewayId 'gw/001' must be", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingContact_NamesTheInputField()
    {
        var result = Parse(Valid.Replace(", \"contact\": \"normallyOpen\"", string.Empty, StringComparison.Ordinal));

        Assert.Equal("gateway.json: inputs[1].contact is missing", result.Error);
    }

    [Fact]
    public void Parse_UnknownContactValue_NamesTheInputField()
    {
        var result = Parse(Valid.Replace("\"normallyOpen\"", "\"open\"", StringComparison.Ordinal));

        Assert.StartsWith("gateway.json: inputs[1].contact: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspelledField_IsRejectedRatherThanDefaulted()
    {
        var result = Parse(Valid.Replace("\"debounceMilliseconds\"", "\"debounceMs\"", StringComparison.Ordinal));

        Assert.Equal("gateway.json: inputs[0].debounceMs is not a known field", result.Error);
    }

    [Fact]
    public void Parse_SimulationStepOnUnconfiguredPin_NamesTheStep()
    {
        var result = Parse(Valid.Replace("\"atSeconds\": 20, \"pin\": 17", "\"atSeconds\": 20, \"pin\": 5", StringComparison.Ordinal));

        Assert.Equal("gateway.json: simulation.steps[1].pin 5 is not one of the configured inputs", result.Error);
    }

    [Fact]
    public void Parse_AnyError_NeverEchoesThePassword()
    {
        var result = Parse(Valid.Replace("\"port\": 1883", "\"port\": 0", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains("broker.port", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokerToString_Always_HidesThePassword()
    {
        var config = Parse(Valid).Config!;

        Assert.DoesNotContain("secret", config.Broker.ToString(), StringComparison.Ordinal);
    }

    // Through the simulator's loader: these files carry a simulation script, which the gateway itself refuses.
    private static ConfigLoadResult Parse(string json) => SimulatorConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "gateway.json").Site;

    private static SimulationConfig Script(string json) => SimulatorConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "gateway.json").Script;
}
