# time's calendar functions: struct_time, gmtime, localtime, mktime, strftime,
# strptime, asctime, ctime (TZ is set, so local time is deterministic).
import os
os.environ["TZ"] = "UTC"
import time

t = time.gmtime(1_000_000_000)
print(t)
print(tuple(t), t.tm_year, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff, len(t), t[0], t[-1])
print(time.gmtime(0.9).tm_sec, time.gmtime(-1.5))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", t))
print(time.strftime("%A %B %d %y", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(time.asctime(t), "|", time.asctime((2024, 2, 9, 1, 2, 3, 4, 40, 0)))
lt = time.localtime(86400 * 365)
print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_zone, time.mktime(lt))
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, 0)), time.ctime(0))
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.strptime("2021-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("12 Jan 1999 +0130", "%d %b %Y %z").tm_gmtoff)
st11 = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0, "XYZ", 3600))
print(st11, st11.tm_zone, st11.tm_gmtoff, len(st11))
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print("TypeError", e)
st = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, -1))
print(st.tm_zone)
print(st, st.tm_mon, time.strftime("%d/%m/%Y", st))
print(isinstance(time.localtime(), time.struct_time), time.localtime().tm_year >= 2024)
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (1, 2)]:
    try:
        print(time.strftime("%Y", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ["x", 1e300, float("nan")]:
    try:
        time.gmtime(bad)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    time.strftime(1)
except TypeError as e:
    print("TypeError", e)
try:
    time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])
except TypeError as e:
    print("TypeError", e)
