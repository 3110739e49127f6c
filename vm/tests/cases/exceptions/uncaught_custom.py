# An uncaught custom exception raised from a function chain
class ConfigError(Exception):
    pass
def load(name):
    settings = {"a": 1}
    try:
        return settings[name]
    except KeyError as e:
        raise ConfigError("missing setting " + repr(name)) from e
print(load("a"))
print("loading b")
load("b")
