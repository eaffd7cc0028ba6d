using System.Device.Gpio;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// A GPIO driver whose pin levels live in memory, so the whole input pipeline runs unchanged in
/// <c>--simulate</c> mode and in tests. An input with a pull-up reads High until something sets it,
/// like a real pin with nothing wired to it. Like libgpiod it reports edges to registered callbacks;
/// <paramref name="edgeEvents"/> false makes it a driver without them (the gateway then polls).
/// </summary>
internal sealed class SimulatedGpioDriver(int pinCount = 64, bool edgeEvents = true) : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, (PinEventTypes Types, PinChangeEventHandler Callback)> _callbacks = [];

    protected override int PinCount => pinCount;

    /// <summary>Drives the pin from outside, as the wiring would.</summary>
    public void SetLevel(int pinNumber, PinValue level)
    {
        CheckPin(pinNumber);
        PinValue before;
        (PinEventTypes Types, PinChangeEventHandler Callback) subscriber;
        bool subscribed;
        lock (_lock)
        {
            before = GetLevel(pinNumber);
            _levels[pinNumber] = level;
            subscribed = _callbacks.TryGetValue(pinNumber, out subscriber);
        }

        var edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        if (subscribed && before != level && (subscriber.Types & edge) != 0)
        {
            subscriber.Callback(this, new PinValueChangedEventArgs(edge, pinNumber));
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
        throw new NotSupportedException("The gateway takes edges through callbacks.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        if (!edgeEvents)
        {
            throw new NotSupportedException("This simulated driver has no edge events, like sysfs GPIO without interrupts.");
        }

        lock (_lock)
        {
            _callbacks[pinNumber] = (eventTypes, callback);
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.Remove(pinNumber);
        }
    }

    private void CheckPin(int pinNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, pinCount);
    }
}
