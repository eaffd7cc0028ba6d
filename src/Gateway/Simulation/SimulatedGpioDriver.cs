using System.Device.Gpio;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// A GPIO driver whose pin levels live in memory, so the whole input pipeline runs unchanged in
/// <c>--simulate</c> mode and in tests. An input with a pull-up reads High until something sets it,
/// like a real pin with nothing wired to it.
/// </summary>
internal sealed class SimulatedGpioDriver(int pinCount = 64) : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];

    protected override int PinCount => pinCount;

    /// <summary>Drives the pin from outside, as the wiring would.</summary>
    public void SetLevel(int pinNumber, PinValue level)
    {
        CheckPin(pinNumber);
        lock (_lock)
        {
            _levels[pinNumber] = level;
        }
    }

    public PinValue GetLevel(int pinNumber)
    {
        lock (_lock)
        {
            if (_levels.TryGetValue(pinNumber, out var level))
            {
                return level;
            }

            return _modes.TryGetValue(pinNumber, out var mode) && mode == PinMode.InputPullDown ? PinValue.Low : PinValue.High;
        }
    }

    protected override void OpenPin(int pinNumber) => CheckPin(pinNumber);

    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes.TryGetValue(pinNumber, out var mode) ? mode : PinMode.Input;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => GetLevel(pinNumber);

    protected override void Write(int pinNumber, PinValue value) => SetLevel(pinNumber, value);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The gateway polls its inputs; edge events are not simulated.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The gateway polls its inputs; edge events are not simulated.");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }

    private void CheckPin(int pinNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, pinCount);
    }
}
