# NameError from an undefined name inside a function
def compute():
    total = 0
    for i in range(3):
        total += i
    return undefined_result_name
print("start")
compute()
