# UnboundLocalError: a local read before assignment (3.11 wording)
count = 10
def bump():
    count += 1
    return count
print("calling bump")
bump()
