"""raytrace: a small recursive ray tracer (spheres and a checkered plane, point lights,
shadows, reflections) rendering a square image (vector objects, method calls, floats).

usage: raytrace.py [N]   (default 300x300 pixels; the image checksum is checked for the
default size)
"""
import math
import sys
import time

EPSILON = 1e-5


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vector(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z,
                      self.x * o.y - self.y * o.x)

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))

    def __repr__(self):
        return "Vector(%g, %g, %g)" % (self.x, self.y, self.z)


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Color(self.r + o.r, self.g + o.g, self.b + o.b)

    def __mul__(self, o):
        if isinstance(o, Color):
            return Color(self.r * o.r, self.g * o.g, self.b * o.b)
        return Color(self.r * o, self.g * o, self.b * o)

    def clamped(self):
        return tuple(min(max(int(c * 255.0 + 0.5), 0), 255) for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin + self.direction.scale(t)


class Sphere:
    def __init__(self, centre, radius, surface):
        self.centre = centre
        self.radius = radius
        self.surface = surface

    def intersect(self, ray):
        cp = ray.origin - self.centre
        b = cp.dot(ray.direction)
        disc = b * b - cp.dot(cp) + self.radius * self.radius
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        return t if t > EPSILON else None

    def normal_at(self, p):
        return (p - self.centre).normalized()

    def colour_at(self, p):
        return self.surface.colour


class Plane:
    def __init__(self, point, normal, surface):
        self.point = point
        self.normal = normal.normalized()
        self.surface = surface

    def intersect(self, ray):
        d = ray.direction.dot(self.normal)
        if abs(d) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / d
        return t if t > EPSILON else None

    def normal_at(self, p):
        return self.normal

    def colour_at(self, p):
        s = self.surface
        if (math.floor(p.x) + math.floor(p.z)) % 2 == 0:
            return s.colour
        return s.other


class Surface:
    def __init__(self, colour, diffuse=0.8, specular=0.4, shininess=20, reflect=0.3, other=None):
        self.colour = colour
        self.other = other if other is not None else colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect


class Scene:
    def __init__(self, eye, look_at, fov):
        self.objects = []
        self.lights = []
        self.eye = eye
        self.look_at = look_at
        self.fov = fov
        self.ambient = 0.1

    def nearest(self, ray):
        best, best_t = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best, best_t = obj, t
        return best, best_t

    def shadowed(self, point, light):
        to_light = light - point
        dist = to_light.magnitude()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return BLACK
        p = ray.point_at(t)
        n = obj.normal_at(p)
        if n.dot(ray.direction) > 0.0:
            n = n.scale(-1.0)
        s = obj.surface
        base = obj.colour_at(p)
        colour = base * self.ambient
        for light in self.lights:
            if self.shadowed(p, light):
                continue
            to_light = (light - p).normalized()
            lambert = n.dot(to_light)
            if lambert > 0.0:
                colour = colour + base * (lambert * s.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = n.dot(half)
            if spec > 0.0:
                colour = colour + Color(1.0, 1.0, 1.0) * (s.specular * spec ** s.shininess)
        if depth > 0 and s.reflect > 0.0:
            bounce = Ray(p, ray.direction.reflect_through(n))
            colour = colour + self.trace(bounce, depth - 1) * s.reflect
        return colour

    def render(self, width, height, depth=3):
        forward = (self.look_at - self.eye).normalized()
        right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
        up = right.cross(forward)
        half = math.tan(math.radians(self.fov) / 2.0)
        pixels = []
        for row in range(height):
            y = (1.0 - 2.0 * (row + 0.5) / height) * half
            line = []
            for col in range(width):
                x = (2.0 * (col + 0.5) / width - 1.0) * half
                direction = forward + right.scale(x) + up.scale(y)
                line.append(self.trace(Ray(self.eye, direction), depth).clamped())
            pixels.append(line)
        return pixels


def build_scene():
    scene = Scene(Vector(0.0, 1.8, 10.0), Vector(0.0, 3.0, 0.0), 60.0)
    scene.objects.append(Sphere(Vector(0.0, 3.0, 0.0), 1.0, Surface(Color(0.9, 0.2, 0.2))))
    scene.objects.append(Sphere(Vector(-2.2, 2.0, 1.0), 0.8, Surface(Color(0.2, 0.8, 0.3), reflect=0.5)))
    scene.objects.append(Sphere(Vector(2.0, 1.5, -1.0), 1.2, Surface(Color(0.3, 0.4, 0.9), shininess=50)))
    scene.objects.append(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0),
                               Surface(Color(1.0, 1.0, 1.0), reflect=0.2, other=Color(0.1, 0.1, 0.1))))
    scene.lights.append(Vector(30.0, 30.0, 10.0))
    scene.lights.append(Vector(-10.0, 100.0, 30.0))
    return scene


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    scene = build_scene()
    t0 = time.perf_counter()
    pixels = scene.render(n, n)
    t1 = time.perf_counter()
    digest = 0
    total = 0
    for line in pixels:
        for r, g, b in line:
            total += r + g + b
            digest = (digest * 257 + (r << 16 | g << 8 | b)) % 4294967291
    checksum = "%d/%d" % (total, digest)
    if n == 300:
        expected = "16195819/2404101529"
        if checksum != expected:
            raise SystemExit("raytrace: wrong result %s, expected %s" % (checksum, expected))
        print("raytrace: checked against the known result for the default size", file=sys.stderr)
    print("raytrace n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
