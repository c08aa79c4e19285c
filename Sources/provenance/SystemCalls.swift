#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func sysWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
