# An uncaught struct.error: its traceback ends with "struct.error: ...".
import struct
print(struct.unpack('<h', b'\x01\x02'))
struct.unpack('i', b'abc')
